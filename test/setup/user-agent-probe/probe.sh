#!/usr/bin/env sh
# The same expression code-server 4.139.1's postinstall.sh uses to decide it "requires node v24".
major_node_version=$(echo "$npm_config_user_agent" | sed -n 's/.*node\/v\([^.]*\).*/\1/p')
echo "$major_node_version $(node --version)" > "$CORPUS_LENS_PROBE_OUT"
