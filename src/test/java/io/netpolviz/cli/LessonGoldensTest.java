package io.netpolviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netpolviz.testing.Golden;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the command line says about the teaching lessons, compared with golden files under
 * {@code src/test/resources/golden/lessons}. Each file was read against its lesson's README and
 * policies when it was written: a changed file is a changed lesson, to be reviewed the same way.
 */
class LessonGoldensTest {

    private static final String LESSONS = "sample-clusters/";
    private static final String TUTORIAL = LESSONS + "01-tutorial";

    static Stream<Arguments> explanations() {
        return Stream.of(
                // The tutorial's final state: both halves admit frontend -> backend-api.
                explain("tutorial-frontend-to-api", TUTORIAL, "production/frontend", "production/backend-api", "8080/TCP"),
                // The lesson's what-if: without frontend's egress rule only the ingress half is left.
                explain("tutorial-frontend-to-api-without-its-egress", TUTORIAL, "production/frontend", "production/backend-api",
                        "8080/TCP", "--off", "production/allow-frontend-egress-to-api"),
                // Cross-namespace: a lone podSelector means the policy's own namespace; a namespace peer admits all its pods.
                explain("cross-namespace-marketing-reader-to-api-or", LESSONS + "02-cross-namespace", "marketing/reader",
                        "api/api-or", "8080/TCP"),
                explain("cross-namespace-batch-job-to-api-or", LESSONS + "02-cross-namespace", "analytics/batch-job",
                        "api/api-or", "8080/TCP"),
                // ipBlock: the metadata endpoint the except list forgets, and an address in an except hole.
                explain("egress-internet-crawler-to-metadata-endpoint", LESSONS + "03-egress-internet", "web/crawler",
                        "ext:169.254.169.254", "80/TCP"),
                explain("egress-internet-billing-to-partner-sandbox", LESSONS + "03-egress-internet", "web/billing",
                        "ext:203.0.113.128", "443/TCP"),
                explain("egress-internet-banned-range-to-gateway", LESSONS + "03-egress-internet", "ext:198.51.100.7",
                        "web/gateway", "8443/TCP"),
                // Named ports resolve per destination pod, by name and protocol.
                explain("ports-client-to-web-b-8080", LESSONS + "04-ports", "ports-lab/client", "ports-lab/web-b", "8080/TCP"),
                explain("ports-named-client-to-web-b-9000", LESSONS + "04-ports", "ports-lab/named-client", "ports-lab/web-b",
                        "9000/TCP"),
                explain("ports-client-to-voip-sip-udp", LESSONS + "04-ports", "ports-lab/client", "ports-lab/voip", "5060/UDP"),
                // The shop's two deliberate mistakes.
                explain("shop-checkout-to-postgres", LESSONS + "05-shop", "orders/checkout", "data/postgres", "5432/TCP"),
                explain("shop-search-to-redis", LESSONS + "05-shop", "storefront/search", "data/redis", "6379/TCP"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("explanations")
    void explainMatchesTheReviewedGoldenFile(String name, String[] arguments) throws IOException {
        CliRun run = CliRun.of(arguments);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err(), "the lessons load without diagnostics");
        Golden.assertMatches("lessons/explain-" + name + ".txt", run.out());
    }

    static Stream<Arguments> analyses() {
        return Stream.of(
                // The tutorial's step 3, its surprise: frontend -> backend-api is still blocked.
                analyze("tutorial-step-3", TUTORIAL + "/1-wide-open", TUTORIAL + "/2-deny-all", TUTORIAL + "/3-tutorial-allows"),
                // The tutorial's final state is analyze-tutorial.* beside these (CliTest).
                analyze("02-cross-namespace", LESSONS + "02-cross-namespace"),
                analyze("03-egress-internet", LESSONS + "03-egress-internet"),
                analyze("04-ports", LESSONS + "04-ports"),
                analyze("05-shop", LESSONS + "05-shop"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("analyses")
    void analyzeMatchesTheReviewedGoldenFile(String name, String[] arguments) throws IOException {
        CliRun run = CliRun.of(arguments);
        assertEquals(0, run.exitCode(), run.err());
        Golden.assertMatches("lessons/analyze-" + name + ".txt", run.out());
    }

    static Stream<Arguments> attackAnswers() {
        String shop = LESSONS + "08-attack-paths/1-the-shop";
        return Stream.of(
                // Step 1: hop counts from the internet; payments-api is out of reach.
                Arguments.of("attack-paths-step-1-reach", new String[] {"reach", shop, "--from", "ext:internet"}),
                // The one path, the cut nearest the database, and the change that closes it, verified.
                Arguments.of("attack-paths-step-1-paths", new String[] {"paths", shop, "--from", "ext:internet", "--to", "payments/payments-db"}),
                // The same cut as suggest gives it: YAML on standard output, words on standard error.
                Arguments.of("attack-paths-step-1-suggest", new String[] {"suggest", shop, "--block", "shop/api", "payments/payments-db", "5432/TCP"}),
                // Step 2: the API's egress allow-list leaves no path.
                Arguments.of("attack-paths-step-2-paths", new String[] {"paths", LESSONS + "08-attack-paths", "--from", "ext:internet", "--to",
                        "payments/payments-db"}),
                Arguments.of("attack-paths-step-2-reach", new String[] {"reach", LESSONS + "08-attack-paths", "--from", "ext:internet"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attackAnswers")
    void attackAnswersMatchTheReviewedGoldenFile(String name, String[] arguments) throws IOException {
        CliRun run = CliRun.of(arguments);
        assertEquals(0, run.exitCode(), run.err());
        Golden.assertMatches("lessons/" + name + ".txt", run.out() + (run.err().isEmpty() ? "" : "--- standard error\n" + run.err()));
    }

    private static Arguments explain(String name, String... arguments) {
        return Arguments.of(name, Stream.concat(Stream.of("explain"), Stream.of(arguments)).toArray(String[]::new));
    }

    private static Arguments analyze(String name, String... paths) {
        return Arguments.of(name, Stream.concat(Stream.of("analyze"), Stream.of(paths)).toArray(String[]::new));
    }
}
