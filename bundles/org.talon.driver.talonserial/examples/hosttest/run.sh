#!/bin/sh
# Builds the example sketches on a PC against a stand-in for the Arduino core and checks that
# they speak the Talon serial protocol. Not part of the Maven build; needs g++.
set -e
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for t in keypad feedback; do
  g++ -std=gnu++11 -I. -Wall -Wextra -Wno-unused-parameter -x c++ -o "$out/$t" "${t}_test.cpp"
  "$out/$t"
done
