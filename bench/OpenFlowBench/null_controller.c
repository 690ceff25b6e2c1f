/*
 * The floor for the bench: a controller that does nothing but answer. Every packet-in gets one flow-mod that
 * carries its buffer id (the answer cbench counts), with no learning, no table and no allocation; echo requests
 * are answered, everything else is read and dropped. One thread, one level-triggered epoll set, every ready
 * socket read before the round's answers are written, and a 50 µs spin before it sleeps: the shape of ours'
 * poll loop (Controller:PollSpinMicroseconds; NULL_CONTROLLER_SPIN_US in the environment changes it), in C.
 * A send the kernel takes only in part keeps the rest for the switch's next read (never on loopback at these sizes). What it reaches is what this machine's loopback TCP path
 * and the load generator leave for any controller.
 *
 *   cc -O2 -o null_controller null_controller.c && ./null_controller 6653
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_FDS 1024
#define BUF (1 << 20)

struct conn {
    unsigned char *in, *out;
    size_t inlen, outlen;
};

static struct conn *conns[MAX_FDS];

static void header(unsigned char *d, uint8_t version, uint8_t type, uint16_t length, uint32_t xid)
{
    d[0] = version;
    d[1] = type;
    uint16_t l = htons(length);
    uint32_t x = htonl(xid);
    memcpy(d + 2, &l, 2);
    memcpy(d + 4, &x, 4);
}

/* Appends the answer to one whole message, if it needs one. */
static void answer(struct conn *c, const unsigned char *m, size_t length)
{
    uint8_t version = m[0], type = m[1];
    uint32_t xid;
    memcpy(&xid, m + 4, 4);
    xid = ntohl(xid);
    unsigned char *d = c->out + c->outlen;
    if (c->outlen + 256 > BUF)
        return;
    if (type == 0) { /* hello: hello back in the switch's version, then ask for its features */
        header(d, version, 0, 8, xid);
        header(d + 8, version, 5, 8, xid + 1);
        c->outlen += 16;
    } else if (type == 2) { /* echo request */
        if (length > 256) { /* a long payload is not echoed: the reply is the bare header */
            header(d, version, 3, 8, xid);
            c->outlen += 8;
            return;
        }
        memcpy(d, m, length);
        d[1] = 3;
        c->outlen += length;
    } else if (type == 10) { /* packet-in: one flow-mod with its buffer id and one output action */
        uint32_t buffer;
        memcpy(&buffer, m + 8, 4);
        if (version == 1) {
            memset(d, 0, 80);
            header(d, 1, 14, 80, xid);
            memcpy(d + 64, &buffer, 4);        /* buffer_id after header, match, cookie, command, timeouts, priority */
            d[68] = 0xff; d[69] = 0xff;        /* out_port none */
            d[73] = 8; d[75] = 1;              /* output action, 8 bytes, to port 1 */
            c->outlen += 80;
        } else {
            memset(d, 0, 80);
            header(d, version, 14, 80, xid);
            memcpy(d + 32, &buffer, 4);        /* buffer_id after header, cookie, mask, table, command, timeouts, priority */
            memset(d + 36, 0xff, 8);           /* out_port, out_group any */
            d[49] = 1; d[51] = 4;              /* empty OXM match (type 1, length 4), padded to 8 */
            d[57] = 4; d[59] = 24;             /* apply-actions, 24 bytes */
            d[67] = 16; d[71] = 1;             /* output action, 16 bytes, to port 1 */
            d[72] = 0xff; d[73] = 0xff;        /* max_len no buffer */
            c->outlen += 80;
        }
    }
}

static void drop(int ep, int fd)
{
    epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL);
    close(fd);
    if (fd < MAX_FDS && conns[fd]) {
        free(conns[fd]->in);
        free(conns[fd]->out);
        free(conns[fd]);
        conns[fd] = NULL;
    }
}

static long long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(int argc, char **argv)
{
    int port = argc > 1 ? atoi(argv[1]) : 6653;
    int lfd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    if (bind(lfd, (struct sockaddr *)&a, sizeof a) || listen(lfd, 128)) {
        perror("listen");
        return 1;
    }
    int ep = epoll_create1(0);
    struct epoll_event ev = { .events = EPOLLIN, .data.fd = lfd }, events[64];
    epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);
    int ready[64];
    long long spin_until = 0, spin_ns = getenv("NULL_CONTROLLER_SPIN_US") ? atoll(getenv("NULL_CONTROLLER_SPIN_US")) * 1000 : 50000;
    for (;;) {
        int n = epoll_wait(ep, events, 64, now_ns() < spin_until ? 0 : -1);
        if (n < 0 && errno != EINTR)
            return 1;
        if (n > 0)
            spin_until = now_ns() + spin_ns;
        int nready = 0;
        for (int i = 0; i < n; i++) {
            int fd = events[i].data.fd;
            if (fd == lfd) {
                int c = accept4(lfd, NULL, NULL, SOCK_NONBLOCK);
                if (c < 0 || c >= MAX_FDS) {
                    if (c >= 0)
                        close(c);
                    continue;
                }
                setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                conns[c] = calloc(1, sizeof **conns);
                conns[c]->in = malloc(BUF);
                conns[c]->out = malloc(BUF);
                struct epoll_event cev = { .events = EPOLLIN, .data.fd = c };
                epoll_ctl(ep, EPOLL_CTL_ADD, c, &cev);
                continue;
            }
            struct conn *c = conns[fd];
            ssize_t r = recv(fd, c->in + c->inlen, BUF - c->inlen, 0);
            if (r <= 0) {
                if (r < 0 && errno == EAGAIN)
                    continue;
                drop(ep, fd);
                continue;
            }
            c->inlen += (size_t)r;
            size_t p = 0;
            while (c->inlen - p >= 8) {
                uint16_t l;
                memcpy(&l, c->in + p + 2, 2);
                l = ntohs(l);
                if (l < 8) {
                    drop(ep, fd);
                    c = NULL;
                    break;
                }
                if (c->inlen - p < l)
                    break;
                answer(c, c->in + p, l);
                p += l;
            }
            if (!c)
                continue;
            memmove(c->in, c->in + p, c->inlen - p);
            c->inlen -= p;
            ready[nready++] = fd;
        }
        for (int i = 0; i < nready; i++) {
            struct conn *c = conns[ready[i]];
            if (!c || c->outlen == 0)
                continue;
            ssize_t w = send(ready[i], c->out, c->outlen, MSG_NOSIGNAL);
            if (w < 0) {
                drop(ep, ready[i]);
                continue;
            }
            memmove(c->out, c->out + w, c->outlen - (size_t)w);
            c->outlen -= (size_t)w;
        }
    }
}
