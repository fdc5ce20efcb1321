package com.supportdesk.ui.common;

import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Severity;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The icons of the desk (Material Design 2 via Ikonli); colours come from CSS. */
public final class Icons {

    private Icons() {
    }

    public static Ikon severity(Severity s) {
        return switch (s) {
            case S1 -> MaterialDesignA.ALERT_OCTAGON;
            case S2 -> MaterialDesignA.ALERT;
            case S3 -> MaterialDesignI.INFORMATION;
        };
    }

    public static Ikon channel(Channel c) {
        return switch (c) {
            case EMAIL -> MaterialDesignE.EMAIL_OUTLINE;
            case PHONE -> MaterialDesignP.PHONE;
            case CHAT -> MaterialDesignC.CHAT_OUTLINE;
            case AGENT -> MaterialDesignA.ACCOUNT_EDIT_OUTLINE;
        };
    }

    public static String channelText(Channel c) {
        return switch (c) {
            case EMAIL -> "E-mail";
            case PHONE -> "Phone";
            case CHAT -> "Chat";
            case AGENT -> "Typed by an agent";
        };
    }

    public static FontIcon icon(Ikon ikon, String styleClass) {
        FontIcon i = new FontIcon(ikon);
        i.getStyleClass().add(styleClass);
        return i;
    }
}
