#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for a bounded time.
#
#   Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default 60 s; targets: csv list order input)
#
# Not part of `swift build` / `swift test`: the libraries are compiled here a second time with
# coverage instrumentation and AddressSanitizer (swiftc -sanitize=fuzzer,address), into
# .build-fuzz/. Seeds come from Fixtures/; the corpus grows in .build-fuzz/corpus/TARGET. A crash
# leaves its input in .build-fuzz/crashes/TARGET/ and the script exits 1: add that input as a
# regression test in the normal test suite, then fix it. Leak reports are off (-detect_leaks=0): the
# Swift runtime keeps type metadata and lazily made globals for the life of the process.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv list order input)

out=.build-fuzz
mkdir -p "$out/gen"
flags=(-sanitize=fuzzer,address -parse-as-library -g -Onone -swift-version 6)
cmods=(-I Sources/CCrypto -I Sources/CLibXML2 -I Sources/CZlib -Xcc -I/usr/include/libxml2)

echo "== project data (as the build plugin embeds it)"
swiftc -O Plugins/ProjectDataEmbedder/main.swift -o "$out/gen/embedder"
"$out/gen/embedder" "$PWD/Lists" "$out/gen/EmbeddedProjectData.swift" "$PWD"

# module NAME SOURCES...: a static library and its .swiftmodule in $out.
module() {
  local name=$1; shift
  echo "== $name"
  swiftc "${flags[@]}" "${cmods[@]}" -I "$out" -module-name "$name" -emit-library -static -emit-module \
    -emit-module-path "$out/$name.swiftmodule" -o "$out/lib$name.a" "$@"
}
module RedFlagCore $(find Sources/RedFlagCore -name '*.swift') "$out/gen/EmbeddedProjectData.swift"
module RedFlagLists $(find Sources/RedFlagLists -name '*.swift')
# The order reader and the screening-input reader only: their modules' other parts (SQLite stores,
# pipelines) are not reachable from these inputs and need GRDB.
module RedFlagRules Sources/RedFlagRules/Orders/*.swift Sources/RedFlagRules/Reports/PartyScreening.swift
module RedFlagKit Sources/RedFlagKit/Input/*.swift Sources/RedFlagKit/Screening/ScreenRequest.swift \
  Sources/RedFlagKit/Output/ScreeningOutputRecord.swift Sources/RedFlagKit/Pipeline/InputProgress.swift

# harness NAME FILE LIBS...
harness() {
  local name=$1 file=$2; shift 2
  echo "== fuzz-$name"
  swiftc "${flags[@]}" "${cmods[@]}" -I "$out" -L "$out" "$file" "$@" -lRedFlagCore -lcrypto -o "$out/fuzz-$name"
}

status=0
for t in "${targets[@]}"; do
  case "$t" in
    csv) harness csv Fuzz/CSVReaderFuzz.swift; seeds=(Fixtures/lists/*.csv Fixtures/orders/*.csv) ;;
    list) harness list Fuzz/ListParserFuzz.swift -lRedFlagLists -lxml2 -lz; seeds=(Fixtures/lists/*.xml Fixtures/lists/*.csv Fixtures/lists/*.json) ;;
    order) harness order Fuzz/OrderReaderFuzz.swift -lRedFlagRules; seeds=(Fixtures/orders/*.csv) ;;
    input) harness input Fuzz/ScreeningInputFuzz.swift -lRedFlagKit -lRedFlagRules -lRedFlagLists -lxml2 -lz; seeds=(Fixtures/orders/*.csv) ;;
    *) echo "unknown target $t (csv, list, order, input)" >&2; exit 64 ;;
  esac
  corpus="$out/corpus/$t"; crashes="$out/crashes/$t"
  mkdir -p "$corpus" "$crashes"
  for s in "${seeds[@]}"; do [ -f "$s" ] && cp -n "$s" "$corpus/" 2>/dev/null || true; done
  echo "== running fuzz-$t for ${seconds}s"
  if ! "$out/fuzz-$t" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 -detect_leaks=0 \
       -artifact_prefix="$crashes/" -print_final_stats=1 2>"$out/fuzz-$t.log"; then
    echo "fuzz-$t FOUND A CRASH: $(ls -t "$crashes" | head -1) (log: $out/fuzz-$t.log)"
    tail -40 "$out/fuzz-$t.log"
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$out/fuzz-$t.log" | tr '\n' ' '; echo
  fi
done
exit $status
