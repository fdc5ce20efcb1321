package com.supportdesk.sla;
// TEMPORARY STUB
public enum SlaState { RUNNING, PAUSED, AT_RISK, OVERDUE, MET, MISSED }
