# Output hash of the npm tarballs that package-lock.json names (nix/npm-deps.nix).
# Recomputed by test/nix/npm-deps.test.ts, whose failure message gives the new value.
"sha256-Mq3w5IfaeH70NagW/6UBdQFBrBQU3nqeSjbn6drmO1Q="
