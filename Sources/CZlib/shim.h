#ifndef REDFLAG_CZLIB_SHIM_H
#define REDFLAG_CZLIB_SHIM_H
// zlib's raw inflate and crc32, for the ZIP container of XLSX workbooks (OFSI's ConList.xlsx).
#include <zlib.h>

// inflateInit2 is a macro (it passes the library version and the stream size), so Swift cannot
// call it directly.
static inline int redflag_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
#endif
