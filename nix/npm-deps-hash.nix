# Output hash of the npm tarballs that package-lock.json names (nix/npm-deps.nix).
# Recomputed by test/nix/npm-deps.test.ts, whose failure message gives the new value.
"sha256-RqGub5TOhO6SwldWja74/O7MUfYbcS3bVZ6PY8RFQZY="
