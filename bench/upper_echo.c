// The reference point bench/run.sh measures capslock against: a minimal single-threaded epoll server
// that reads up to 64 KiB, uppercases it, writes it back, and reads again only once that is all sent
// (so it buffers one read per connection, like capslock's backpressure). The client's half-close is
// answered by closing once everything owed has been written.
//   gcc -O2 -o upper_echo bench/upper_echo.c && ./upper_echo PORT
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define BUF (64 * 1024)
struct conn { int fd, len, sent, eof; unsigned events; unsigned char buf[BUF]; };

static void want(int ep, struct conn *c, unsigned events) { // one epoll_ctl per change, not per wait
    if (c->events == events) return;
    struct epoll_event e = { .events = events, .data.ptr = c };
    epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &e);
    c->events = events;
}

static void upper(unsigned char *p, int n) {
    for (int i = 0; i < n; i++) p[i] = (p[i] >= 'a' && p[i] <= 'z') ? p[i] - 32 : p[i];
}

int main(int argc, char **argv) {
    int port = argc > 1 ? atoi(argv[1]) : 9500, one = 1;
    signal(SIGPIPE, SIG_IGN); // a client that resets mid-reply costs its connection, not the server
    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    if (bind(lfd, (struct sockaddr *) &a, sizeof a) || listen(lfd, 1024)) { perror("listen"); return 1; }
    int ep = epoll_create1(0);
    struct epoll_event ev = { .events = EPOLLIN, .data.ptr = NULL }, evs[64];
    epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);
    for (;;) {
        int n = epoll_wait(ep, evs, 64, -1);
        for (int i = 0; i < n; i++) {
            struct conn *c = evs[i].data.ptr;
            if (!c) { // new connection
                int fd;
                while ((fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    c = calloc(1, sizeof *c); c->fd = fd; c->events = EPOLLIN;
                    struct epoll_event e = { .events = EPOLLIN, .data.ptr = c };
                    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e);
                }
                continue;
            }
            for (;;) {
                if (c->sent < c->len) { // owe bytes: write them before reading more
                    ssize_t w = write(c->fd, c->buf + c->sent, c->len - c->sent);
                    if (w < 0 && errno == EAGAIN) { want(ep, c, EPOLLOUT); break; }
                    if (w < 0) { c->eof = 2; c->sent = c->len; break; } // reset by the client: drop what it was owed
                    c->sent += w;
                    continue;
                }
                if (c->eof) break;
                ssize_t r = read(c->fd, c->buf, BUF);
                if (r < 0 && errno == EAGAIN) { want(ep, c, EPOLLIN); break; }
                if (r <= 0) { c->eof = 1; break; }
                upper(c->buf, r);
                c->len = r; c->sent = 0;
            }
            if (c->eof && c->sent >= c->len) { close(c->fd); free(c); }
        }
    }
}
