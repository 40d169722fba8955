package org.hms.hub.order.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class OrderQueriesTest {

    @Test
    void percentilesUseTheNearestRank() {
        List<Long> hundred = LongStream.rangeClosed(1, 100).boxed().toList();
        assertThat(OrderQueries.percentile(hundred, 50)).isEqualTo(50);
        assertThat(OrderQueries.percentile(hundred, 95)).isEqualTo(95);
        assertThat(OrderQueries.percentile(hundred, 99)).isEqualTo(99);
        assertThat(OrderQueries.percentile(List.of(7L), 99)).isEqualTo(7);
        assertThat(OrderQueries.percentile(List.of(1L, 2L, 3L), 50)).isEqualTo(2);
    }
}
