/* sse_parse: the C anchors for SSE parsing, fed a stream from memory in fixed-size chunks.
 *
 *   sse_parse parse|memchr FILE CHUNK [MIN_SECONDS [MAX_BYTES]]
 *
 * parse:  a complete text/event-stream parser (WHATWG rules: CR, LF and CRLF line ends, also split across chunks;
 *         BOM, comments, field/value split with one leading space removed, data joined with LF, event type, id
 *         without NUL, retry digits only, dispatch on a blank line when data is not empty). Each event is built in
 *         reusable buffers (no allocation per event) and handed to a callback that counts it and its data bytes.
 * memchr: the bare floor, LF line splitting with memchr and nothing else (counts lines; not a parser).
 *
 * The stream (its first MAX_BYTES, if given) is parsed again and again until MIN_SECONDS (default 0.5) have passed;
 * prints one JSON line with the time of every pass, the events (lines for memchr) and the data bytes of one pass.
 * Build: cc -O2 sse_parse.c -o sse_parse
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    unsigned char *data;
    size_t length, capacity;
} buffer;

static void append(buffer *b, const unsigned char *bytes, size_t n) {
    if (b->length + n > b->capacity) {
        size_t capacity = b->capacity ? b->capacity * 2 : 256;
        while (capacity < b->length + n) capacity *= 2;
        b->data = realloc(b->data, capacity);
        if (!b->data) abort();
        b->capacity = capacity;
    }
    memcpy(b->data + b->length, bytes, n);
    b->length += n;
}

typedef struct {
    buffer pending, data, type, id, last_id;
    int skip_lf, at_start;
    long retry;
    /* What the callback accumulates. */
    uint64_t events, data_bytes, checksum;
} parser;

static void on_event(parser *p, const unsigned char *type, size_t type_length, const unsigned char *data,
                     size_t length) {
    p->events++;
    p->data_bytes += length;
    p->checksum += type_length + (length ? data[length - 1] : 0);
}

static void dispatch(parser *p) {
    p->last_id.length = 0;
    append(&p->last_id, p->id.data, p->id.length);
    if (p->data.length == 0) {
        p->type.length = 0;
        return;
    }
    static const unsigned char message[] = "message";
    if (p->type.length)
        on_event(p, p->type.data, p->type.length, p->data.data, p->data.length - 1);
    else
        on_event(p, message, 7, p->data.data, p->data.length - 1);
    p->data.length = 0;
    p->type.length = 0;
}

static void line(parser *p, const unsigned char *s, size_t n) {
    if (p->at_start) {
        p->at_start = 0;
        if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) s += 3, n -= 3;
    }
    if (n == 0) {
        dispatch(p);
        return;
    }
    if (s[0] == ':') return;
    const unsigned char *colon = memchr(s, ':', n);
    size_t name_length = colon ? (size_t) (colon - s) : n;
    const unsigned char *value = colon ? colon + 1 : s + n;
    size_t value_length = colon ? n - name_length - 1 : 0;
    if (value_length && value[0] == ' ') value++, value_length--;
    if (name_length == 4 && memcmp(s, "data", 4) == 0) {
        append(&p->data, value, value_length);
        append(&p->data, (const unsigned char *) "\n", 1);
    } else if (name_length == 5 && memcmp(s, "event", 5) == 0) {
        p->type.length = 0;
        append(&p->type, value, value_length);
    } else if (name_length == 2 && memcmp(s, "id", 2) == 0) {
        if (!memchr(value, 0, value_length)) {
            p->id.length = 0;
            append(&p->id, value, value_length);
        }
    } else if (name_length == 5 && memcmp(s, "retry", 5) == 0) {
        long v = 0;
        size_t i = 0;
        for (; i < value_length && value[i] >= '0' && value[i] <= '9'; i++) v = v * 10 + (value[i] - '0');
        if (i == value_length && value_length > 0) p->retry = v;
    }
}

/* The first CR or LF in [s, end), or end. LF is found with memchr; a CR before it is looked for in that stretch. */
static const unsigned char *line_break(const unsigned char *s, const unsigned char *end) {
    const unsigned char *lf = memchr(s, '\n', end - s);
    const unsigned char *stop = lf ? lf : end;
    if (stop > s && stop[-1] == '\r') {
        const unsigned char *cr = memchr(s, '\r', stop - s);
        return cr;
    }
    const unsigned char *cr = memchr(s, '\r', stop - s);
    return cr ? cr : stop;
}

static void feed(parser *p, const unsigned char *s, size_t n) {
    const unsigned char *end = s + n;
    if (n && p->skip_lf) {
        p->skip_lf = 0;
        if (*s == '\n') s++;
    }
    while (s < end) {
        const unsigned char *brk = line_break(s, end);
        if (brk == end) {
            append(&p->pending, s, end - s);
            return;
        }
        if (p->pending.length) {
            append(&p->pending, s, brk - s);
            line(p, p->pending.data, p->pending.length);
            p->pending.length = 0;
        } else {
            line(p, s, brk - s);
        }
        if (*brk == '\r') {
            if (brk + 1 == end) {
                p->skip_lf = 1;
                return;
            }
            s = brk[1] == '\n' ? brk + 2 : brk + 1;
        } else {
            s = brk + 1;
        }
    }
}

static uint64_t memchr_lines(const unsigned char *s, size_t n) {
    uint64_t count = 0;
    const unsigned char *end = s + n;
    while ((s = memchr(s, '\n', end - s)) != NULL) {
        count++;
        s++;
    }
    return count;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: sse_parse parse|memchr FILE CHUNK [MIN_SECONDS [MAX_BYTES]]\n");
        return 2;
    }
    int bare = strcmp(argv[1], "memchr") == 0;
    size_t chunk = strtoul(argv[3], NULL, 10);
    double min_seconds = argc > 4 ? atof(argv[4]) : 0.5;
    FILE *f = fopen(argv[2], "rb");
    if (!f || chunk == 0) {
        perror(argv[2]);
        return 2;
    }
    fseek(f, 0, SEEK_END);
    size_t size = ftell(f);
    fseek(f, 0, SEEK_SET);
    if (argc > 5 && strtoul(argv[5], NULL, 10) < size) size = strtoul(argv[5], NULL, 10);
    unsigned char *stream = malloc(size);
    if (fread(stream, 1, size, f) != size) return 2;
    fclose(f);

    printf("{\"parser\": \"%s\", \"chunk\": %zu, \"bytes\": %zu, \"seconds\": [", bare ? "c-memchr" : "c-parse",
           chunk, size);
    double total = 0;
    uint64_t events = 0, data_bytes = 0;
    for (int pass = 0; total < min_seconds || pass == 0; pass++) {
        parser p = {.at_start = 1};
        double start = now();
        if (bare) {
            events = 0;
            for (size_t at = 0; at < size; at += chunk)
                events += memchr_lines(stream + at, at + chunk <= size ? chunk : size - at);
        } else {
            for (size_t at = 0; at < size; at += chunk) feed(&p, stream + at, at + chunk <= size ? chunk : size - at);
            events = p.events;
            data_bytes = p.data_bytes;
        }
        double elapsed = now() - start;
        total += elapsed;
        printf(pass ? ", %.6f" : "%.6f", elapsed);
        free(p.pending.data), free(p.data.data), free(p.type.data), free(p.id.data), free(p.last_id.data);
    }
    printf("], \"events\": %llu, \"data_bytes\": %llu}\n", (unsigned long long) events,
           (unsigned long long) data_bytes);
    return 0;
}
