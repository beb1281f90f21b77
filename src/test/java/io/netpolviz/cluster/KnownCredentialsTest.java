package io.netpolviz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KnownCredentialsTest {

    @Test
    void aCredentialOfAnyContextReadSoFarIsMaskedInTextFromElsewhere() {
        KnownCredentials.remember(Arrays.asList("first-token-93d1", null, "pw"));
        KnownCredentials.remember(Arrays.asList("second-token-7be0"));

        assertEquals("Failure executing: GET. Message: token [redacted] may not list; [redacted] neither",
                KnownCredentials.redact("Failure executing: GET. Message: token first-token-93d1 may not list; second-token-7be0 neither"));
        assertEquals("a pw is too short to be a secret", KnownCredentials.redact("a pw is too short to be a secret"));
        assertNull(KnownCredentials.redact(null));
    }
}
