#ifndef REDFLAG_CLIBXML2_SHIM_H
#define REDFLAG_CLIBXML2_SHIM_H
// libxml2's headers pull in the system ICU when LIBXML_ICU_ENABLED is set, which clashes with
// Foundation's private ICU module. The streaming reader needs none of the ICU API.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>

// xmlFree is a mutable global function pointer, which Swift 6 refuses to touch from Swift code.
static inline void redflag_xml_free(void *p) { xmlFree(p); }
#endif
