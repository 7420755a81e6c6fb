package dev.listcast.bench.proc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcFormatTest {
    // a java process whose command name holds a space and a parenthesis
    private static final String STAT = "4242 (java (edge) 1) S 1 4242 4242 0 -1 4194560 52000 0 12 0 "
            + "1234 567 0 0 20 0 61 0 2915 6015614976 143000 18446744073709551615 1 1 0 0 0 0 0 4096 16796879 0 0 0"
            + " 17 1 0 0 0 0 0";

    @Test
    void shouldAddUserAndSystemTicksCountingFieldsFromTheLastParenthesis() {
        assertThat(ProcFormat.cpuTicks(STAT)).isEqualTo(1234 + 567);
    }

    @Test
    void shouldReadTheParentPid() {
        assertThat(ProcFormat.parentPid(STAT)).isEqualTo(1);
    }

    @Test
    void shouldReadResidentMemoryFromStatus() {
        String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  572344 kB\nRssAnon:\t 400000 kB\n";

        assertThat(ProcFormat.rssKiB(status)).isEqualTo(572344);
    }

    @Test
    void shouldFindTheInodeListeningOnAPortAndSkipConnections() {
        String table = """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 81234 1 0
                   1: 0100007F:1F90 0200007F:B0A2 01 00000000:00000000 00:00000000 00000000     0        0 81299 1 0
                   2: 0100007F:0050 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 70000 1 0
                """;

        assertThat(ProcFormat.listeningInodes(table, 8080)).containsExactly(81234L);
    }

    @Test
    void shouldReadTheCommandNameHoldingParentheses() {
        assertThat(ProcFormat.commandName(STAT)).isEqualTo("java (edge) 1");
    }

    @Test
    void shouldGroupAPoolsThreadsByNameWithoutTheirNumber() {
        assertThat(ProcFormat.threadGroup("GC Thread#1")).isEqualTo("GC Thread");
        assertThat(ProcFormat.threadGroup("ForkJoinPool-1-")).isEqualTo("ForkJoinPool");
        assertThat(ProcFormat.threadGroup("C2 CompilerThre")).isEqualTo("C2 CompilerThre");
    }
}
