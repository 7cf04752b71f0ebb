package io.eventline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eventline front-door}, and {@code --public-url}, the address the console's loads go to behind it. */
class FrontDoorCommandTest {
    @TempDir
    Path dataDir;

    @Test
    void shouldPrintAnHaproxyConfigurationWhenGivenTheInstances() {
        Cli.Result result = Cli.execute("front-door", "--listen", "127.0.0.1:18080",
                "--instance", "127.0.0.1:18084=orders", "--instance", "127.0.0.1:18085=customers,accounts");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("bind 127.0.0.1:18080", "backend orders",
                "server orders-127.0.0.1:18084 127.0.0.1:18084", "server customers_accounts-127.0.0.1:18085");
    }

    @Test
    void shouldExitOneNamingTheServicesWhenAnInstanceRunsAnUnknownOne() {
        Cli.Result result = Cli.execute("front-door", "--instance", "127.0.0.1:18084=payments");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("eventline: no service 'payments' (services: customers, accounts");
    }

    @Test
    void shouldExitTwoNamingTheOptionWhenThePublicUrlIsNoHttpUrl() {
        Cli.Result result = Cli.execute("service", "orders", "--bootstrap-servers", "127.0.0.1:9",
                "--data-dir", dataDir.toString(), "--public-url", "ftp://127.0.0.1:18080");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).startsWith("eventline: --public-url: an http or https URL");
    }
}
