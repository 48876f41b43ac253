package io.mcremulator.core.oci;

import java.util.regex.Pattern;

/** The tag rule of the distribution spec, checked by pushes and by seed documents alike. */
public final class Tags {
    /** What a tag may be, as the messages name it. */
    public static final String RULE = "[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}";

    private static final Pattern TAG = Pattern.compile("^" + RULE + "$");

    private Tags() {}

    public static boolean isValid(String tag) {
        return tag != null && TAG.matcher(tag).matches();
    }
}
