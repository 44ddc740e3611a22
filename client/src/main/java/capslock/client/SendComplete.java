package capslock.client;

/** Fired down the pipeline once every payload byte is in the socket and the output is shut down. */
enum SendComplete {
    INSTANCE
}
