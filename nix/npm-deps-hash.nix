# Output hash of the npm tarballs that package-lock.json names (nix/npm-deps.nix).
# Recomputed by test/nix/npm-deps.test.ts, whose failure message gives the new value.
"sha256-0hf0Ow2NUkliPsN4DLZeK5Swj7XoyxIQo7qnSV0YmjY="
