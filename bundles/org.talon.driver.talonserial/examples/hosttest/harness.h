// Drives a sketch on a PC: fake time, fake pins, fake serial lines.
#include <cassert>
#include <iostream>
unsigned long fakeMillis = 0; int pinLevel[64]; int pinModes[64]; FakeSerial Serial;
static void run(unsigned long ms) { for (unsigned long i = 0; i < ms; i++) { fakeMillis++; loop(); } }
static void feed(const char *s) { while (*s) Serial.in.push_back(*s++); run(5); }
static std::string take() { std::string s = Serial.out; Serial.out.clear(); return s; }
static void press(int pin) { pinLevel[pin] = LOW; run(60); pinLevel[pin] = HIGH; run(60); }
#define EXPECT(a, b) do { std::string x = (a), y = (b); if (x != y) { std::cerr << "line " << __LINE__ << ": got [" << x << "] want [" << y << "]\n"; return 1; } } while (0)
