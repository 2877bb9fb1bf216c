#!/usr/bin/env bash
# Debian packages Intake's tests need: Dovecot (IMAP), PostgreSQL, Chromium,
# Tesseract, and the English-French dictionary the matcher reads English lines with (run and test).
# Installs only what is missing; starts no service (tests do).
set -euo pipefail
need=()
python3 -c 'import ensurepip, venv' 2>/dev/null || need+=(python3-venv python3-pip)
[ -f /usr/share/dictd/freedict-eng-fra.index ] || need+=(dict-freedict-eng-fra)
if [ "${1:-test}" = "run" ]; then  # `make run` needs Python and its venv only
  command -v python3 >/dev/null || need+=(python3 python3-venv)
  if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; fi
  exit 0
fi
command -v dovecot >/dev/null || [ -x /usr/sbin/dovecot ] || need+=(dovecot-imapd)
[ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null || need+=(chromium)
command -v tesseract >/dev/null || need+=(tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng)
dpkg -s tesseract-ocr-fra >/dev/null 2>&1 || need+=(tesseract-ocr-fra)
command -v python3 >/dev/null || need+=(python3 python3-venv)
command -v openssl >/dev/null || need+=(openssl)  # the test Dovecot's certificate
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
