package io.netpolviz.ui;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** The application icon at each size drawn in {@code icons/}, for the window and the task bar. */
final class AppIcons {

    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    private AppIcons() {
    }

    /** Every size that is bundled; the platform picks the one it needs. */
    static List<Image> load() {
        List<Image> icons = new ArrayList<>();
        for (int size : SIZES) {
            InputStream in = AppIcons.class.getResourceAsStream("/io/netpolviz/icons/app-" + size + ".png");
            if (in != null) {
                icons.add(new Image(in));
            }
        }
        return icons;
    }
}
