# Shared set-up for scripts/demo and scripts/test: find Python 3.12+, install uv if missing,
# and sync the locked dependencies into ./.venv. Sourced, not run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

find_python() {
    local candidate path
    for candidate in python3.14 python3.13 python3.12 python3 python; do
        path=$(command -v "$candidate" 2>/dev/null) || continue
        if "$path" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
            echo "$path"; return 0
        fi
    done
    # pyenv installs versions that its shims hide unless selected.
    for path in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3 \
                /usr/local/bin/python3.1[2-9] /opt/python*/bin/python3; do
        if [[ -x $path ]] && "$path" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
            echo "$path"; return 0
        fi
    done
    return 1
}

if ! command -v uv >/dev/null 2>&1; then
    echo "==> installing uv (pip install --user uv)"
    python3 -m pip install --user --quiet uv
    export PATH="$HOME/.local/bin:$PATH"
fi

if [[ -z ${UV_PYTHON:-} ]]; then
    if UV_PYTHON=$(find_python); then
        export UV_PYTHON
    else
        unset UV_PYTHON
        echo "==> no Python 3.12+ found (Django 6.1 needs it); asking uv to install one"
        uv python install 3.12
    fi
fi

uv sync --locked --quiet

# Front-end libraries come from npm (package-lock.json) and are served from our own static
# files: university intranets are often offline, so pages never load anything from a CDN.
if [[ ! -f node_modules/.package-lock.json ]] || ! cmp -s package-lock.json node_modules/.workplan-lock; then
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.workplan-lock
fi
mkdir -p src/workplan/static/vendor
cp node_modules/htmx.org/dist/htmx.min.js src/workplan/static/vendor/htmx.min.js
cp node_modules/echarts/dist/echarts.min.js src/workplan/static/vendor/echarts.min.js
