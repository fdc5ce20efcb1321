@echo off
rem Support Desk command line, e.g.  support-desk.cmd sla --severity 1 --received 2026-12-24T17:30:00Z
rem "Support Desk.exe" is a windowed program and Windows gives it no console for its output, so
rem subcommands run through the bundled runtime's console java.exe instead (same jar, same options).
setlocal
set "SD_APP=%~dp0"
"%SD_APP%..\runtime\bin\java.exe" -Dfile.encoding=UTF-8 -XX:TieredStopAtLevel=1 -cp "%SD_APP%support-desk.jar" com.supportdesk.app.Launcher %*
exit /b %ERRORLEVEL%
