// The keypad sketch speaks the protocol of ../../README.md.
#include "Arduino.h"
#include "../keypad/keypad.ino"
#include "harness.h"
int main() {
  setup();
  EXPECT(take(), "HELLO keypad kp-example-1.0\n");
  feed("PING\n"); EXPECT(take(), "PONG\n");
  feed("SHOW A001|3 waiting\n"); EXPECT(take(), "OK\n");
  EXPECT(std::string(lcd.screen[0]), "A001            ");
  EXPECT(std::string(lcd.screen[1]), "3 waiting       ");
  feed("LED on\r\n"); EXPECT(take(), "OK\n"); run(10); assert(pinLevel[13] == HIGH);
  feed("LED off\n"); take(); run(10); assert(pinLevel[13] == LOW);
  feed("SHOW |\n"); take(); EXPECT(std::string(lcd.screen[0]), "                ");
  feed("ASK A001\n"); EXPECT(take(), "ERR unknown command\n");
  std::string longLine(80, 'A'); longLine += "\n"; feed(longLine.c_str()); EXPECT(take(), "ERR line too long\n");
  feed("PING\n"); EXPECT(take(), "PONG\n");
  press(6); EXPECT(take(), "KEY CALL\n");
  press(7); press(8); press(9); EXPECT(take(), "KEY SERVE\nKEY FINISH\nKEY NO_SHOW\n");
  // a bounce shorter than the debounce time is no press
  pinLevel[6] = LOW; run(5); pinLevel[6] = HIGH; run(100); EXPECT(take(), "");
  std::cout << "keypad sketch ok\n"; return 0;
}
