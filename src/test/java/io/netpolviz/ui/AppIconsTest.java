package io.netpolviz.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.scene.image.Image;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

class AppIconsTest extends ApplicationTest {

    @Test
    void everyDrawnSizeIsBundledAndDecodes() {
        List<Image> icons = AppIcons.load();
        assertEquals(AppIcons.SIZES.length, icons.size());
        for (int i = 0; i < icons.size(); i++) {
            assertEquals(AppIcons.SIZES[i], icons.get(i).getWidth(), 0.0, "icon " + AppIcons.SIZES[i]);
            assertEquals(false, icons.get(i).isError());
        }
    }
}
