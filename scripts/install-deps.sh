#!/usr/bin/env bash
# Installs every package Fieldvault needs to build, test and run, from Debian's apt.
# The only place dependencies are installed: .ci/run and the README both call it.
set -euo pipefail
packages=(
  build-essential g++ cmake pkg-config git
  libsodium-dev libsqlcipher-dev sqlcipher libssl-dev
  libimgui-dev libglfw3-dev libgl-dev libgl1-mesa-dri mesa-utils
  libstb-dev
  libfontconfig-dev fonts-noto-cjk fonts-dejavu-core
  libpango1.0-dev libcairo2-dev poppler-utils fonts-noto-core
  libsndfile1-dev libasound2-dev libpoppler-cpp-dev
  libavformat-dev libavcodec-dev libswresample-dev libavutil-dev
  nlohmann-json3-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-14 libfuzzer-14-dev libclang-rt-14-dev
  xvfb xauth imagemagick xdotool
  age minisign python3 python3-jsonschema time
  dpkg-dev lintian appstream desktop-file-utils gettext
)
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
