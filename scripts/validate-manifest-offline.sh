#!/usr/bin/env bash
# Validates an Office add-in XML manifest offline against Microsoft's XSD schemas (manifest schema 1.1,
# task pane VersionOverrides 1.0, plus the shared-runtime <Runtimes> element), with xmllint.
#
# Usage: bash scripts/validate-manifest-offline.sh [MANIFEST]      (default: manifest.xml)
#   SHARED   folder that holds office-manifest-schemas/ (default: the sibling ../shared of the repo root)
#
# Uses $SHARED/office-manifest-schemas/validate-manifest (see the README.md there). It checks structure only:
# element names and order, required elements, value formats. It does not check that resids exist, that URLs
# can be reached or that Office will accept the manifest. `npm run validate` (office-addin-manifest validate)
# is the online check by Microsoft's service.
# Exit codes: 0 valid; 3 invalid (line and reason printed); 5 schema set did not compile;
#             2 usage/environment error (manifest, schemas or xmllint missing).
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/.." && pwd)
shared=${SHARED:-"$repo_root/../shared"}
schemas="$shared/office-manifest-schemas"
validator="$schemas/validate-manifest"
manifest=${1:-manifest.xml}

if [ ! -f "$manifest" ]; then
  echo "validate-manifest-offline: manifest not found: $manifest" >&2
  exit 2
fi
if [ ! -d "$schemas" ]; then
  echo "validate-manifest-offline: schemas folder not found: $schemas" >&2
  echo "  It is expected beside the repository (../shared/office-manifest-schemas); set SHARED=/path/to/shared otherwise." >&2
  exit 2
fi
if [ ! -f "$validator" ]; then
  echo "validate-manifest-offline: $validator is missing (incomplete schemas folder?)" >&2
  exit 2
fi
if ! command -v xmllint >/dev/null 2>&1; then
  echo "validate-manifest-offline: xmllint not found; install it with: apt-get install -y libxml2-utils" >&2
  exit 2
fi

exec bash "$validator" "$manifest"
