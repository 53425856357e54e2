#!/usr/bin/env bash
# Regenerates docs/redflag.1, the man page, from the command definitions: swift-argument-parser's
# generate-manual plugin builds redflag, reads its `--experimental-dump-help` and writes mdoc.
# A test (ManualAndCompletionTests) fails when the committed page misses a subcommand or option.
#
#   docs/generate-manual.sh            (debug build; the page does not depend on the configuration)
set -euo pipefail
cd "$(dirname "$0")/.."
# The page carries the date of the last commit, so regenerating an unchanged page changes nothing.
date=$(git log -1 --format=%cs 2>/dev/null || date -u +%F)
swift package plugin generate-manual --configuration debug --date "$date"
# A blank line inside a command's discussion is a paragraph break in the help text; mdoc wants .Pp.
sed 's/^$/.Pp/' .build/plugins/GenerateManual/outputs/redflag/redflag.1 > docs/redflag.1
echo "wrote docs/redflag.1"
