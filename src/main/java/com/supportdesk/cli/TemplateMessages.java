package com.supportdesk.cli;

import com.supportdesk.domain.Placeholders;
import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;

/**
 * The help texts of {@code template add} made from the code itself (picocli reads a command's footer from its resource
 * bundle): every placeholder as it is written in a body, from {@link Placeholders#help()}, so the help cannot drift
 * from what the desk accepts.
 */
public final class TemplateMessages extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        List<Object[]> out = new ArrayList<>();
        out.add(new Object[] {"usage.footerHeading", "%nPlaceholders (filled for the ticket when the reply is inserted;"
                + " an unknown one is refused when the reply is saved):%n"});
        List<String> lines = Placeholders.help().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            out.add(new Object[] {"usage.footer." + i, "  " + lines.get(i)});
        }
        return out.toArray(Object[][]::new);
    }
}
