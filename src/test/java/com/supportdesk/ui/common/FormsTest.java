package com.supportdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link Forms#showWhen}: a node that is not shown leaves no gap (visible and managed together). */
@Tag("ui")
class FormsTest {

    @Test
    void aNodeShownWhenAConditionHoldsTakesNoRoomOtherwise() {
        Region hint = new Region();
        hint.setPrefHeight(40);
        Region field = new Region();
        field.setPrefHeight(20);
        VBox form = new VBox(hint, field);
        SimpleBooleanProperty demo = new SimpleBooleanProperty(false);

        Forms.showWhen(hint, demo);
        assertThat(hint.isVisible()).isFalse();
        assertThat(hint.isManaged()).isFalse();
        assertThat(form.prefHeight(-1)).isEqualTo(20);

        demo.set(true);
        assertThat(hint.isVisible()).isTrue();
        assertThat(hint.isManaged()).isTrue();
        assertThat(form.prefHeight(-1)).isEqualTo(60);
    }
}
