#ifndef REDFLAG_CCRYPTO_SHIM_H
#define REDFLAG_CCRYPTO_SHIM_H
// OpenSSL's SHA-256, for fingerprinting list files and stored entries.
// OpenSSL 3 marks the SHA256_* calls deprecated in favour of EVP, whose context is a heap object;
// the plain context is a C struct that copies like the Swift value type wrapping it, so the
// deprecation attributes are switched off for this header only.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#endif
