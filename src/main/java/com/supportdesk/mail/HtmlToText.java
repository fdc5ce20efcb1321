package com.supportdesk.mail;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * HTML mail to safe plain text with jsoup.
 *
 * <p>Nothing is fetched (jsoup only parses the string it is given). Script, style and other
 * non-content elements are dropped with their content. Paragraphs, line breaks, headings, table rows
 * and list items keep their line structure; links keep their target as {@code label <url>}; images
 * become {@code [image: alt]} when they have alt text. The walk is jsoup's iterative
 * {@link NodeTraversor}, and the parser's own depth limit caps nesting, so deeply nested junk
 * cannot exhaust the stack. The walk does constant work per node (list numbers are counted, link texts compared
 * only up to the link's length), so its time grows with the size of the HTML.
 */
final class HtmlToText {

    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "noscript", "template",
            "object", "embed", "iframe", "frame", "frameset", "applet", "svg", "math", "select", "button", "meta",
            "link", "base", "xml");
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "dl", "dt", "dd", "li", "table", "tr", "blockquote", "pre", "section", "article", "header", "footer",
            "address", "hr", "form", "fieldset", "center", "main", "nav", "aside", "figure", "figcaption",
            "details", "summary", "caption");
    private static final Set<String> SPACED_BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "table",
            "blockquote", "ul", "ol", "pre", "hr");
    private static final int MAX_PARSER_DEPTH = 256;

    private HtmlToText() {
    }

    /** Converts at most {@code maxChars} of output; longer text is cut (the caller notes it). */
    static String convert(String html, int maxChars) {
        return convert(html, maxChars, ParseBudget.NONE);
    }

    /** {@link #convert(String, int)}, checking {@code budget} while it reads the HTML and while it writes the text. */
    static String convert(String html, int maxChars, ParseBudget budget) {
        Parser parser = Parser.htmlParser().setMaxDepth(MAX_PARSER_DEPTH);
        Document doc = parser.parseInput(budget.reader(html), "");
        Writer writer = new Writer(maxChars, budget);
        NodeTraversor.filter(writer, doc);
        return writer.result();
    }

    private static final class Writer implements NodeFilter {
        private final StringBuilder out = new StringBuilder();
        private final int maxChars;
        private final ParseBudget budget;
        private final ArrayDeque<Integer> linkStarts = new ArrayDeque<>();
        private final Map<Element, int[]> itemsSeen = new IdentityHashMap<>();
        private int preDepth;
        private int nodes;

        Writer(int maxChars, ParseBudget budget) {
            this.maxChars = maxChars;
            this.budget = budget;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (out.length() >= maxChars) {
                return FilterResult.STOP;
            }
            if ((++nodes & 0x3FF) == 0) {
                budget.check();
            }
            if (node instanceof TextNode text) {
                appendText(preDepth > 0 ? text.getWholeText() : text.text());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element el)) {
                return FilterResult.SKIP_ENTIRELY; // comments, doctype, data nodes
            }
            String tag = el.normalName();
            if (SKIPPED.contains(tag) || isHidden(el)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("a")) {
                linkStarts.push(out.length());
            }
            switch (tag) {
                case "br" -> newline();
                case "li" -> {
                    newline();
                    Element parent = el.parent();
                    boolean ordered = parent != null && parent.normalName().equals("ol");
                    out.append(ordered ? numberIn(parent) + ". " : "- ");
                }
                case "img" -> {
                    String alt = el.attr("alt").trim();
                    if (!alt.isEmpty()) {
                        appendText("[image: " + alt + "]");
                    }
                }
                case "pre" -> {
                    preDepth++;
                    blankLine();
                }
                default -> {
                    if (SPACED_BLOCKS.contains(tag)) {
                        blankLine();
                    } else if (BLOCKS.contains(tag)) {
                        newline();
                    }
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element el)) {
                return FilterResult.CONTINUE;
            }
            String tag = el.normalName();
            if (tag.equals("pre")) {
                preDepth--;
            }
            if (tag.equals("a")) {
                appendLinkTarget(el, linkStarts.isEmpty() ? out.length() : linkStarts.pop());
            } else if (tag.equals("td") || tag.equals("th")) {
                appendText("  ");
            } else if (SPACED_BLOCKS.contains(tag)) {
                blankLine();
            } else if (BLOCKS.contains(tag)) {
                newline();
            }
            return out.length() >= maxChars ? FilterResult.STOP : FilterResult.CONTINUE;
        }

        /**
         * The number of an {@code li} in its {@code ol}: counted as the list is walked (asking jsoup for the sibling
         * index of every item would scan the list once per item).
         */
        private int numberIn(Element ol) {
            return ++itemsSeen.computeIfAbsent(ol, k -> new int[1])[0];
        }

        /**
         * After a link's text: its target as {@code  <url>} unless the text already says it. The text is what was
         * written since the link began ({@code start}); only a text as short as the target can say it, so no more
         * than the target's length is ever compared.
         */
        private void appendLinkTarget(Element a, int start) {
            String href = a.attr("href").trim();
            String lower = href.toLowerCase(Locale.ROOT);
            if (!(lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("mailto:"))) {
                return;
            }
            String bare = lower.startsWith("mailto:") ? href.substring(7) : href;
            int from = Math.min(start, out.length());
            String label = out.length() - from <= href.length() + 2 ? out.substring(from).trim() : null;
            if (label == null || (!label.equals(href) && !label.equals(bare))) {
                appendText(" <" + href + ">");
            }
        }

        private static boolean isHidden(Element el) {
            String style = el.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
            return el.hasAttr("hidden") || style.contains("display:none");
        }

        private void appendText(String text) {
            if (text.isEmpty()) {
                return;
            }
            boolean atLineStart = out.length() == 0 || out.charAt(out.length() - 1) == '\n';
            if (preDepth == 0 && atLineStart) {
                text = text.stripLeading();
            } else if (preDepth == 0 && out.charAt(out.length() - 1) == ' ' && text.startsWith(" ")) {
                text = text.substring(1);
            }
            out.append(text);
        }

        private void newline() {
            trimTrailingSpaces();
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        private void blankLine() {
            newline();
            int len = out.length();
            if (len > 0 && !(len >= 2 && out.charAt(len - 2) == '\n')) {
                out.append('\n');
            }
        }

        private void trimTrailingSpaces() {
            int len = out.length();
            while (len > 0 && out.charAt(len - 1) == ' ') {
                len--;
            }
            out.setLength(len);
        }

        String result() {
            String text = out.length() > maxChars ? out.substring(0, maxChars) : out.toString();
            return PlainText.tidy(text.replace('\u00A0', ' '), 2).strip();
        }
    }
}
