package capslock.demo;

import capslock.client.Snapshot;

/** One sample of a run: the client's side, and the server's for the same connection (null where it cannot be seen). */
public record Point(Snapshot client, ServerSample server) {

    /**
     * The share (0 to 1) of an interval of {@code interval} seconds spent in a state, from the {@code seconds} measured
     * in it; when nothing was measured, the state seen at the sample ({@code atSample}) counts for the whole interval.
     */
    static double share(double seconds, double interval, boolean atSample) {
        if (interval <= 0) {
            return atSample ? 1 : 0;
        }
        return Math.min(1, seconds > 0 ? seconds / interval : atSample ? 1 : 0);
    }
}
