// The feedback sketch speaks the protocol of ../../README.md.
#include "Arduino.h"
#include "../feedback/feedback.ino"
#include "harness.h"
int main() {
  setup();
  EXPECT(take(), "HELLO feedback fb-example-1.0\n");
  press(4); EXPECT(take(), "");  // nothing asked
  feed("PING\n"); EXPECT(take(), "PONG\n");
  feed("ASK A001\n"); EXPECT(take(), "OK\n");
  for (int p = 8; p <= 12; p++) assert(pinLevel[p] == HIGH);
  press(5); EXPECT(take(), "RATE 4/5\n");
  assert(pinLevel[11] == HIGH && pinLevel[8] == LOW);
  press(6); EXPECT(take(), "");  // one rating per ASK
  run(2100); for (int p = 8; p <= 12; p++) assert(pinLevel[p] == LOW);
  feed("ASK B002\n"); take(); feed("IDLE\n"); EXPECT(take(), "OK\n");
  for (int p = 8; p <= 12; p++) assert(pinLevel[p] == LOW);
  press(2); EXPECT(take(), "");
  feed("SHOW a|b\n"); EXPECT(take(), "ERR unknown command\n");
  std::cout << "feedback sketch ok\n"; return 0;
}
