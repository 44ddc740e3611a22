package capslock.demo;

import capslock.client.Snapshot;

/** One sample of a run: the client's side, and the server's for the same connection (null where it cannot be seen). */
public record Point(Snapshot client, ServerSample server) {
}
