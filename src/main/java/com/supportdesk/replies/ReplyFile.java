package com.supportdesk.replies;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.supportdesk.domain.Placeholders;
import com.supportdesk.domain.SavedReply;
import com.supportdesk.store.SavedReplyRepository;
import com.supportdesk.store.StoreException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The team's saved replies as a JSON file, for keeping them under version control ({@code template export|import}):
 *
 * <pre>{@code
 * {
 *   "supportDeskSavedReplies" : 1,
 *   "replies" : [ {
 *     "name" : "Please send the log file",
 *     "shortcut" : "log",
 *     "sensitiveOk" : false,
 *     "firstResponse" : false,
 *     "body" : "Hello {{first_name}},\n\ncould you send us ..."
 *   } ]
 * }
 * }</pre>
 *
 * Replies are written by name, keys in this order, so that a change shows as a small diff. Reading checks the whole
 * file before anything is stored, with the store's own rules (names, shortcuts, placeholders), and a problem names its
 * line.
 */
public final class ReplyFile {

    /** The format's key and version. */
    public static final String FORMAT = "supportDeskSavedReplies";
    public static final int VERSION = 1;
    private static final Set<String> FIELDS = Set.of("name", "shortcut", "sensitiveOk", "firstResponse", "body");
    private static final JsonFactory JSON = new JsonFactory();

    private ReplyFile() {
    }

    /** Writes the replies (sorted by name) in the file's format. */
    public static void write(List<SavedReply> replies, Writer out) throws IOException {
        List<SavedReply> sorted = new ArrayList<>(replies);
        sorted.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE
                    .withLinefeed("\n")).withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n")));
            g.writeStartObject();
            g.writeNumberField(FORMAT, VERSION);
            g.writeArrayFieldStart("replies");
            for (SavedReply r : sorted) {
                g.writeStartObject();
                g.writeStringField("name", r.name());
                if (r.shortcut() != null) {
                    g.writeStringField("shortcut", r.shortcut());
                }
                g.writeBooleanField("sensitiveOk", r.sensitiveOk());
                g.writeBooleanField("firstResponse", r.firstResponse());
                g.writeStringField("body", r.body());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /**
     * Reads a file written by {@link #write} (as the team's replies). Every reply is checked as the store checks it;
     * the first problem is a {@link StoreException.Invalid} naming the file's line: "line 7: …".
     */
    public static List<SavedReply.Draft> read(Reader in) throws IOException {
        List<SavedReply.Draft> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw problem(p, "the file is not a JSON object with \"" + FORMAT + "\" and \"replies\"");
            }
            boolean format = false;
            boolean replies = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals(FORMAT)) {
                    if (!p.currentToken().isNumeric() || p.getIntValue() != VERSION) {
                        throw problem(p, "this Support Desk reads \"" + FORMAT + "\": " + VERSION + ", not " + p.getText());
                    }
                    format = true;
                } else if (field.equals("replies")) {
                    if (p.currentToken() != JsonToken.START_ARRAY) {
                        throw problem(p, "\"replies\" is a list [ … ] of replies");
                    }
                    readReplies(p, out);
                    replies = true;
                } else {
                    throw problem(p, "unknown key \"" + field + "\" (the file has \"" + FORMAT + "\" and \"replies\")");
                }
            }
            if (!format || !replies) {
                throw problem(p, "the file needs \"" + FORMAT + "\": " + VERSION + " and \"replies\": [ … ]");
            }
            if (p.nextToken() != null) {
                throw problem(p, "there is more after the end of the file's object");
            }
        } catch (JsonParseException e) {
            String what = e.getOriginalMessage() == null ? "not valid JSON" : e.getOriginalMessage().lines().findFirst()
                    .orElse("not valid JSON");
            throw new StoreException.Invalid("line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": this is not valid JSON (" + what + "). Nothing was imported.");
        }
        return out;
    }

    private static void readReplies(JsonParser p, List<SavedReply.Draft> out) throws IOException {
        Map<String, Integer> names = new HashMap<>();
        Map<String, String> shortcuts = new HashMap<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            int line = p.currentLocation().getLineNr();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw problem(p, "each reply is an object { \"name\": …, \"body\": … }");
            }
            Map<String, Object> fields = new HashMap<>();
            Map<String, Integer> lines = new HashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                lines.put(field, p.currentLocation().getLineNr());
                JsonToken value = p.nextToken();
                if (!FIELDS.contains(field)) {
                    throw problem(p, "unknown key \"" + field + "\" (a reply has name, shortcut, sensitiveOk,"
                            + " firstResponse and body)");
                }
                boolean flag = field.equals("sensitiveOk") || field.equals("firstResponse");
                if (flag && !value.isBoolean()) {
                    throw problem(p, "\"" + field + "\" is true or false");
                }
                if (!flag && value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                    throw problem(p, "\"" + field + "\" is text in quotes");
                }
                fields.put(field, flag ? (Object) p.getBooleanValue() : p.getValueAsString());
            }
            // a problem is named on the line of the field it is in: the body's placeholders, else the reply's name
            String name = (String) fields.get("name");
            String body = (String) fields.get("body");
            Optional<String> placeholders = Placeholders.problem(body);
            if (placeholders.isPresent() && name != null && !name.isBlank()) {
                throw new StoreException.Invalid("line " + lines.get("body") + ": The reply \u201c" + name.strip()
                        + "\u201d was not saved: " + placeholders.get() + " Nothing was imported.");
            }
            line = lines.getOrDefault("name", line);
            SavedReply.Draft d;
            try {
                d = SavedReplyRepository.checked(new SavedReply.Draft(name, (String) fields.get("shortcut"), body, true,
                        Boolean.TRUE.equals(fields.get("sensitiveOk")), Boolean.TRUE.equals(fields.get("firstResponse"))));
            } catch (StoreException.Invalid e) {
                throw new StoreException.Invalid("line " + line + ": " + e.getMessage() + " Nothing was imported.");
            }
            Integer twice = names.put(d.name().toLowerCase(Locale.ROOT), line);
            if (twice != null) {
                throw new StoreException.Invalid("line " + line + ": a reply called \u201c" + d.name() + "\u201d is already"
                        + " on line " + twice + ". Nothing was imported.");
            }
            if (d.shortcut() != null) {
                String other = shortcuts.put(d.shortcut().toLowerCase(Locale.ROOT), d.name());
                if (other != null) {
                    throw new StoreException.Invalid("line " + line + ": the shortcut " + d.shortcut() + " is already \u201c"
                            + other + "\u201d's. Nothing was imported.");
                }
            }
            out.add(d);
        }
    }

    private static StoreException.Invalid problem(JsonParser p, String what) {
        return new StoreException.Invalid("line " + p.currentLocation().getLineNr() + ": " + what + ". Nothing was imported.");
    }
}
