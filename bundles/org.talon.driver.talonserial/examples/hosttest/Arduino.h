// A stand-in for the Arduino core, just enough to run the example sketches on a PC (see run.sh).
#pragma once
#include <stdint.h>
#include <string.h>
#include <stdio.h>
#include <string>
#include <deque>
typedef uint8_t byte;
#define HIGH 1
#define LOW 0
#define INPUT 0
#define OUTPUT 1
#define INPUT_PULLUP 2
#define LED_BUILTIN 13
#define DEC 10
extern unsigned long fakeMillis;
extern int pinLevel[64];
extern int pinModes[64];
inline unsigned long millis() { return fakeMillis; }
inline void pinMode(uint8_t p, uint8_t m) { pinModes[p] = m; if (m == INPUT_PULLUP) pinLevel[p] = HIGH; }
inline int digitalRead(uint8_t p) { return pinLevel[p]; }
inline void digitalWrite(uint8_t p, uint8_t v) { pinLevel[p] = v; }
struct FakeSerial {
  std::deque<char> in; std::string out;
  void begin(long) {}
  explicit operator bool() const { return true; }
  int available() { return (int) in.size(); }
  int read() { if (in.empty()) return -1; char c = in.front(); in.pop_front(); return (unsigned char) c; }
  void print(const char *s) { out += s; }
  void print(char c) { out += c; }
  void print(unsigned char v, int base = DEC) { out += std::to_string((unsigned) v); }
  void print(int v, int base = DEC) { out += std::to_string(v); }
};
extern FakeSerial Serial;
