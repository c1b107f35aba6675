package org.crm4j.core.deal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.crm4j.common.Money;
import org.crm4j.deal.BoardCell;
import org.crm4j.deal.Pipeline;
import org.crm4j.deal.Stage;

/**
 * The Shiffman board of a pipeline: one column per stage, in board order, with how many deals are in it, what
 * they are worth (per currency), their weighted worth and how many are idle. Immutable.
 *
 * @param pipeline the pipeline
 * @param columns  its columns in board order, empty stages included
 */
public record PipelineBoard(Pipeline pipeline, List<Column> columns) {
    public PipelineBoard {
        Objects.requireNonNull(pipeline, "pipeline");
        columns = List.copyOf(columns);
    }

    /**
     * One column of the board. Immutable.
     *
     * @param stage    the stage
     * @param deals    how many deals are in it
     * @param idle     how many of them are idle
     * @param amounts  the sum of their amounts per currency, by currency code
     * @param weighted the sum of their weighted amounts per currency, by currency code
     */
    public record Column(Stage stage, long deals, long idle, List<Money> amounts, List<Money> weighted) {
        public Column {
            Objects.requireNonNull(stage, "stage");
            amounts = List.copyOf(amounts);
            weighted = List.copyOf(weighted);
        }
    }

    /** The board of {@code pipeline} from the store's cells. */
    public static PipelineBoard of(Pipeline pipeline, List<BoardCell> cells) {
        List<Column> columns = new ArrayList<>(pipeline.stages().size());
        Comparator<BoardCell> byCurrency = Comparator.comparing(c -> c.amount().currency().getCurrencyCode());
        for (Stage stage : pipeline.stages()) {
            List<BoardCell> mine = cells.stream().filter(c -> c.stage().equals(stage.code())).sorted(byCurrency)
                    .toList();
            columns.add(new Column(stage, mine.stream().mapToLong(BoardCell::deals).sum(),
                    mine.stream().mapToLong(BoardCell::idle).sum(), mine.stream().map(BoardCell::amount).toList(),
                    mine.stream().map(BoardCell::weighted).toList()));
        }
        return new PipelineBoard(pipeline, columns);
    }

    /** The column of the stage {@code code}. @throws IllegalArgumentException when the pipeline has none */
    public Column column(String code) {
        return columns.stream().filter(c -> c.stage().code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stage '" + code + "' on the board"));
    }

    /** The board as text, one line per column: a printout of the Shiffman scheme. */
    public String render() {
        StringBuilder out = new StringBuilder(pipeline.name()).append('\n');
        for (Column c : columns) {
            out.append(String.format("%-20s %-9s deals %4d  idle %3d  sum %s  weighted %s%n", c.stage().name(),
                    c.stage().kind(), c.deals(), c.idle(), join(c.amounts()), join(c.weighted())));
        }
        return out.toString();
    }

    private static String join(List<Money> sums) {
        return sums.isEmpty() ? "0"
                : sums.stream().map(Money::toString).collect(java.util.stream.Collectors.joining(" + "));
    }
}
