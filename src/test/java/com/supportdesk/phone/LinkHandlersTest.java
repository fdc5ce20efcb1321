package com.supportdesk.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.cli.CallCommand;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Each OS's installer makes the desk the handler of the phone links it reads, and hands it the link so that the
 * launcher reads it as {@code call --from}: the Linux menu entry (packaging/linux/resources/support-desk.desktop, in the
 * .deb), the Windows .msi's registry entries (packaging/windows/resources/overrides.wxi and main.wxs, read by jpackage
 * and WiX) and the macOS bundle's Info.plist (packaging/macos/resources/Info.plist). The files are read as XML, as WiX
 * and macOS read them; the jpackage placeholders and ids they rely on must still be there.
 */
class LinkHandlersTest {

    /** The links the Windows and macOS installers register (sip: is left to the PBX clients there). */
    static final List<String> INSTALLER_SCHEMES = List.of("tel", "callto");
    static final String WIX = "http://schemas.microsoft.com/wix/2006/wi";
    static final Path WINDOWS = Path.of("packaging/windows/resources");
    static final Path MACOS = Path.of("packaging/macos/resources");

    @Test
    void theLinuxMenuEntryHandsTheDeskThePhoneLinksItReads() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("packaging/linux/resources/support-desk.desktop"));
        String mime = lines.stream().filter(l -> l.startsWith("MimeType=")).findFirst().orElseThrow();
        List<String> schemes = Arrays.stream(mime.substring("MimeType=".length()).split(";")).filter(s -> !s.isBlank())
                .map(s -> s.substring("x-scheme-handler/".length())).toList();
        assertThat(schemes).containsExactlyInAnyOrderElementsOf(IncomingCall.SCHEMES);
        assertThat(lines).contains("Exec=APPLICATION_LAUNCHER %u");
        for (String scheme : schemes) {
            // what the desktop runs for a link: the launcher with the link alone
            assertThat(CallCommand.readLinks(new String[] {scheme + ":+442079460018"}))
                    .as(scheme).containsSequence("call", "--from");
        }
    }

    // ---- Windows (.msi) ----

    @Test
    void theWindowsInstallerIsBuiltWithTheseResources() throws Exception {
        assertThat(argfile(Path.of("packaging/windows/installer.args")))
                .contains("--resource-dir packaging/windows/resources").contains("--win-per-user-install");
        assertThat(WINDOWS.resolve("main.wxs")).isRegularFile();
        assertThat(WINDOWS.resolve("overrides.wxi")).isRegularFile();
    }

    @Test
    void mainWxsIsJpackagesTemplateWithOnlyTheLinksFeatureAdded() throws Exception {
        String text = Files.readString(WINDOWS.resolve("main.wxs"));
        Document doc = xml(text);
        // what jpackage's other WiX sources and its candle/light run rely on
        assertThat(text).contains("<?include $(var.JpConfigDir)/overrides.wxi ?>");
        Element product = only(doc.getDocumentElement(), "Product");
        assertThat(product.getAttribute("Id")).isEqualTo("$(var.JpProductCode)");
        assertThat(product.getAttribute("Name")).isEqualTo("$(var.JpAppName)");
        assertThat(product.getAttribute("Version")).isEqualTo("$(var.JpAppVersion)");
        assertThat(product.getAttribute("UpgradeCode")).isEqualTo("$(var.JpProductUpgradeCode)");
        assertThat(only(product, "Package").getAttribute("InstallScope")).isEqualTo("$(var.JpInstallScope)");
        assertThat(only(product, "UIRef").getAttribute("Id")).isEqualTo("JpUI");
        assertThat(only(product, "Directory").getAttribute("Id")).isEqualTo("TARGETDIR");
        Element feature = only(product, "Feature");
        assertThat(feature.getAttribute("Id")).isEqualTo("DefaultFeature");
        assertThat(children(feature, "ComponentGroupRef")).extracting(e -> e.getAttribute("Id"))
                .containsExactly("Shortcuts", "Files", "FileAssociations", "SdPhoneLinks");
        // one line added to the template, and marked
        assertThat(text.lines().filter(l -> l.contains("Support Desk")))
                .singleElement().asString().contains("<ComponentGroupRef Id=\"SdPhoneLinks\"/>");
    }

    @Test
    void theMsiRegistersTelAndCalltoForThisUserWithTheLauncherAndTheLink() throws Exception {
        Element include = xml(Files.readString(WINDOWS.resolve("overrides.wxi"))).getDocumentElement();
        assertThat(include.getLocalName()).isEqualTo("Include");
        Element group = only(only(include, "Fragment"), "ComponentGroup");
        assertThat(group.getAttribute("Id")).isEqualTo("SdPhoneLinks");
        Map<String, String> reg = registry(group);
        String open = "\"[INSTALLDIR]$(var.JpAppName).exe\" \"%1\"";
        for (String scheme : INSTALLER_SCHEMES) {
            String key = "HKCU\\Software\\Classes\\" + scheme;
            assertThat(reg.get(key + "\\@")).as(key).startsWith("URL:");
            assertThat(reg).as(key).containsEntry(key + "\\@URL Protocol", "")
                    .containsEntry(key + "\\shell\\open\\command\\@", open)
                    .containsEntry(key + "\\DefaultIcon\\@", "\"[INSTALLDIR]$(var.JpAppName).exe\",0");
        }
        // Windows 10/11's Default apps: the registered application, its capabilities and the ProgID they point at
        String capabilities = "Software\\$(var.JpAppName)\\Capabilities";
        assertThat(reg).containsEntry("HKCU\\Software\\RegisteredApplications\\@$(var.JpAppName)", capabilities)
                .containsEntry("HKCU\\" + capabilities + "\\@ApplicationName", "$(var.JpAppName)");
        for (String scheme : INSTALLER_SCHEMES) {
            String progId = reg.get("HKCU\\" + capabilities + "\\URLAssociations\\@" + scheme);
            assertThat(progId).as(scheme).isNotBlank();
            assertThat(reg).containsEntry("HKCU\\Software\\Classes\\" + progId + "\\@URL Protocol", "")
                    .containsEntry("HKCU\\Software\\Classes\\" + progId + "\\shell\\open\\command\\@", open);
        }
        // nothing outside this user's hive (a per-user install, no administrator rights)
        assertThat(reg.keySet()).allMatch(k -> k.startsWith("HKCU\\"));

        // what Windows runs for a link is the launcher with the link alone, which it reads as `call --from`
        List<String> command = commandLine(open.replace("[INSTALLDIR]", "C:\\Users\\olive\\AppData\\Local\\Support Desk\\")
                .replace("$(var.JpAppName)", "Support Desk").replace("%1", "tel:+44-20-7946-0018"));
        assertThat(command).hasSize(2);
        assertThat(command.get(0)).isEqualTo("C:\\Users\\olive\\AppData\\Local\\Support Desk\\Support Desk.exe");
        assertThat(CallCommand.readLinks(command.subList(1, 2).toArray(String[]::new)))
                .containsExactly("call", "--from", "+44-20-7946-0018");
    }

    @Test
    void theMsisComponentsKeepTheirIdsAndAreRemovedOnUninstall() throws Exception {
        Element group = only(only(xml(Files.readString(WINDOWS.resolve("overrides.wxi"))).getDocumentElement(),
                "Fragment"), "ComponentGroup");
        assertThat(group.getAttribute("Directory")).isEqualTo("TARGETDIR"); // main.wxs's root
        List<Element> components = children(group, "Component");
        assertThat(components).hasSize(3);
        Set<String> guids = new HashSet<>();
        for (Element c : components) {
            // a fixed GUID (never "*"): how Windows Installer knows these entries at upgrade and uninstall
            assertThat(c.getAttribute("Guid")).as(c.getAttribute("Id"))
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            guids.add(c.getAttribute("Guid"));
            // a per-user component's key path is a value under HKCU (Windows Installer ICE38)
            List<Element> keyPaths = descendants(c, "RegistryValue").stream()
                    .filter(v -> "yes".equals(v.getAttribute("KeyPath"))).toList();
            assertThat(keyPaths).as(c.getAttribute("Id")).hasSize(1);
        }
        assertThat(guids).hasSize(3);
        // the values go with their components; the capabilities key (ours alone) goes whole
        assertThat(descendants(group, "RemoveRegistryKey")).singleElement().satisfies(r -> {
            assertThat(r.getAttribute("Key")).isEqualTo("Software\\$(var.JpAppName)\\Capabilities");
            assertThat(r.getAttribute("Action")).isEqualTo("removeOnUninstall");
        });
    }

    // ---- macOS (.app in the .dmg) ----

    @Test
    void theMacBundleIsBuiltWithThisInfoPlistAndAwtForTheLinks() throws Exception {
        List<String> args = argfile(Path.of("packaging/macos/app.args"));
        assertThat(args).contains("--resource-dir packaging/macos/resources", "--java-options -Djava.awt.headless=false");
        // the category is written in Info.plist: JDK 17 would put its prefix in front of a full name given here
        assertThat(args).noneMatch(a -> a.startsWith("--mac-app-category"));
    }

    @Test
    void infoPlistDeclaresTelAndCalltoAndKeepsJpackagesPlaceholders() throws Exception {
        String text = Files.readString(MACOS.resolve("Info.plist"));
        Map<String, Node> plist = dict(only(xml(text).getDocumentElement(), "dict"));
        Map<String, String> placeholders = Map.of("CFBundleExecutable", "DEPLOY_LAUNCHER_NAME",
                "CFBundleIconFile", "DEPLOY_ICON_FILE", "CFBundleIdentifier", "DEPLOY_BUNDLE_IDENTIFIER",
                "CFBundleName", "DEPLOY_BUNDLE_NAME", "CFBundleShortVersionString", "DEPLOY_BUNDLE_SHORT_VERSION",
                "CFBundleVersion", "DEPLOY_BUNDLE_CFBUNDLE_VERSION", "NSHumanReadableCopyright", "DEPLOY_BUNDLE_COPYRIGHT");
        placeholders.forEach((key, value) -> assertThat(plist.get(key).getTextContent()).as(key).isEqualTo(value));
        assertThat(text).contains("DEPLOY_FILE_ASSOCIATIONS");
        assertThat(plist.get("CFBundlePackageType").getTextContent()).isEqualTo("APPL");
        assertThat(plist.get("LSApplicationCategoryType").getTextContent()).isEqualTo("public.app-category.business");

        List<Element> urlTypes = children((Element) plist.get("CFBundleURLTypes"), "dict");
        assertThat(urlTypes).hasSize(1);
        Map<String, Node> type = dict(urlTypes.get(0));
        assertThat(type.get("CFBundleURLName").getTextContent()).isEqualTo("com.supportdesk.desk.phone");
        assertThat(children((Element) type.get("CFBundleURLSchemes"), "string")).extracting(Node::getTextContent)
                .containsExactlyElementsOf(INSTALLER_SCHEMES);
        assertThat(IncomingCall.SCHEMES).containsAll(INSTALLER_SCHEMES);
    }

    @Test
    void infoPlistIsStillAPropertyListOnceJpackageHasFilledItIn() throws Exception {
        // what jpackage does with it: its placeholders replaced (no file associations: an empty string)
        String filled = Files.readString(MACOS.resolve("Info.plist")).replace("DEPLOY_FILE_ASSOCIATIONS", "")
                .replace("DEPLOY_LAUNCHER_NAME", "Support Desk").replace("DEPLOY_BUNDLE_COPYRIGHT", "Copyright (c) Support Desk");
        Map<String, Node> plist = dict(only(xml(filled).getDocumentElement(), "dict"));
        assertThat(plist.get("CFBundleExecutable").getTextContent()).isEqualTo("Support Desk");
        assertThat(plist).containsKeys("CFBundleURLTypes", "NSHighResolutionCapable");
    }

    // ---- helpers ----

    /** An argfile's options, one per line, without comments. */
    static List<String> argfile(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    /** The XML as WiX or macOS reads it: namespaces on, no external DTD fetched. */
    static Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ("*".equals(name) || e.getLocalName().equals(name))) {
                out.add(e);
            }
        }
        return out;
    }

    static Element only(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as(parent.getLocalName() + "/" + name).hasSize(1);
        return found.get(0);
    }

    static List<Element> descendants(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Element e : children(parent, "*")) {
            if (e.getLocalName().equals(name)) {
                out.add(e);
            }
            out.addAll(descendants(e, name));
        }
        return out;
    }

    /**
     * Every registry value the WiX elements write, as {@code ROOT\key\@name} (name empty for the key's default) to
     * value: RegistryKey nests keys, RegistryValue/@Key adds one more below its key.
     */
    static Map<String, String> registry(Element group) {
        Map<String, String> out = new LinkedHashMap<>();
        collect(group, null, out);
        return out;
    }

    private static void collect(Element e, String key, Map<String, String> out) {
        for (Element c : children(e, "*")) {
            String here = key;
            if (c.hasAttribute("Root")) {
                here = c.getAttribute("Root") + "\\" + c.getAttribute("Key");
            } else if (c.hasAttribute("Key") && here != null) {
                here = here + "\\" + c.getAttribute("Key");
            }
            if (c.getLocalName().equals("RegistryValue")) {
                out.put(here + "\\@" + c.getAttribute("Name"), c.getAttribute("Value"));
            } else {
                collect(c, c.getLocalName().equals("RegistryKey") ? here : key, out);
            }
        }
    }

    /** A plist dict's entries: each key to the element after it. */
    static Map<String, Node> dict(Element dict) {
        Map<String, Node> out = new LinkedHashMap<>();
        List<Element> items = children(dict, "*");
        for (int i = 0; i + 1 < items.size(); i += 2) {
            assertThat(items.get(i).getLocalName()).isEqualTo("key");
            out.put(items.get(i).getTextContent(), items.get(i + 1));
        }
        return out;
    }

    /** A Windows command line split as the C runtime does for plain quoted arguments. */
    static List<String> commandLine(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }
}
