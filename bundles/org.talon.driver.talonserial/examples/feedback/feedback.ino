/*
  Talon serial feedback terminal: five rating buttons (1 = bad ... 5 = very good), each with an
  LED above it.

  Speaks the Talon serial protocol (bundles/org.talon.driver.talonserial/README.md):
  115200 baud 8N1, ASCII lines ended by LF, at most 64 characters.

    device -> Talon   HELLO feedback <firmware>   on boot
                      RATE <n>/5                  the customer pressed button n (once per ASK)
                      PONG                        the answer to PING, at once
                      OK / ERR <text>             after each command (Talon does not wait for them)
    Talon -> device   PING
                      ASK <ticket>                invite a rating: the five LEDs light
                      IDLE                        nothing to rate: the LEDs go dark

  After a rating, the LED of the chosen button stays lit for THANKS_MS as a thank-you, then the
  terminal is dark until the next ASK. A button pressed while nothing is asked does nothing.

  Board: Arduino Uno (or Nano, Mega, Leonardo; an ESP32 or RP2040 with the pins changed).
  Circuit:
    Buttons (push buttons to GND, internal pull-ups): 1 -> D2, 2 -> D3, 3 -> D4, 4 -> D5, 5 -> D6.
    LEDs (each through 220 ohm to GND): 1 -> D8, 2 -> D9, 3 -> D10, 4 -> D11, 5 -> D12.
    D13 (LED_BUILTIN) blinks while Talon's PINGs arrive: a quick check that the link is up.

  The loop never blocks (no delay(), no Serial.readString()), so PING is answered well within
  Talon's second.

  This example code is in the public domain.
*/

const char FIRMWARE[] = "fb-example-1.0";
const long BAUD = 115200;
const uint8_t MAX_LINE = 64;           // characters before the LF, as in the protocol
const uint8_t SCALE = 5;               // = the scale in Talon's configuration
const unsigned long DEBOUNCE_MS = 30;
const unsigned long THANKS_MS = 2000;
const unsigned long PING_FLASH_MS = 50;

const uint8_t BUTTON_PINS[SCALE] = {2, 3, 4, 5, 6};
const uint8_t LED_PINS[SCALE] = {8, 9, 10, 11, 12};
const uint8_t LINK_LED = LED_BUILTIN;

bool reading[SCALE];          // each button's last reading (true: pressed)
bool pressed[SCALE];          // debounced
unsigned long since[SCALE];   // when the reading last changed

enum State { IDLE_STATE, ASKING, THANKING };
State state = IDLE_STATE;
uint8_t chosen = 0;           // the rating given, while THANKING
unsigned long thankedAt = 0;
unsigned long pingedAt = 0;

char line[MAX_LINE + 2];      // + a CR before the LF, + the terminating NUL
uint8_t lineLength = 0;
bool lineTooLong = false;

// prototypes, so that the sketch builds outside the Arduino IDE too (PlatformIO, arduino-cli)
void readSerial();
void handle(char *cmd);
void send(const char *text);
void readButtons();
void rate(uint8_t rating);
void showState();

void setup() {
  for (uint8_t i = 0; i < SCALE; i++) {
    pinMode(BUTTON_PINS[i], INPUT_PULLUP);
    pinMode(LED_PINS[i], OUTPUT);
    reading[i] = pressed[i] = false;
    since[i] = 0;
  }
  pinMode(LINK_LED, OUTPUT);
  showState();

  Serial.begin(BAUD);  // 8 data bits, no parity, 1 stop bit: the default
  while (!Serial) {
    // boards with native USB (Leonardo, RP2040): wait until the host opens the port
  }
  Serial.print("HELLO feedback ");
  Serial.print(FIRMWARE);
  Serial.print('\n');
}

void loop() {
  readSerial();
  readButtons();
  if (state == THANKING && millis() - thankedAt >= THANKS_MS) {
    state = IDLE_STATE;
    showState();
  }
  digitalWrite(LINK_LED, millis() - pingedAt < PING_FLASH_MS ? HIGH : LOW);
}

// ---- from Talon ---------------------------------------------------------------------------

void readSerial() {
  while (Serial.available() > 0) {
    char c = (char) Serial.read();
    if (c == '\n') {
      if (lineLength > 0 && line[lineLength - 1] == '\r') lineLength--;  // CR LF is fine too
      if (lineTooLong || lineLength > MAX_LINE) {
        send("ERR line too long");
      } else if (lineLength > 0) {
        line[lineLength] = '\0';
        handle(line);
      }
      lineLength = 0;
      lineTooLong = false;
    } else if (lineLength < MAX_LINE + 1) {
      line[lineLength++] = c;
    } else {
      lineTooLong = true;  // drop the rest up to the LF
    }
  }
}

void handle(char *cmd) {
  if (strcmp(cmd, "PING") == 0) {
    send("PONG");
    pingedAt = millis();
  } else if (strncmp(cmd, "ASK ", 4) == 0 && cmd[4] != '\0') {
    // cmd + 4 is the ticket number (e.g. A001): a terminal with a screen would show it
    state = ASKING;
    showState();
    send("OK");
  } else if (strcmp(cmd, "IDLE") == 0) {
    if (state == ASKING) state = IDLE_STATE;  // a thank-you already showing may finish
    showState();
    send("OK");
  } else {
    send("ERR unknown command");  // SHOW, LED or a later version's command: not this terminal's
  }
}

// ---- to Talon -----------------------------------------------------------------------------

void send(const char *text) {
  Serial.print(text);
  Serial.print('\n');
}

void readButtons() {
  unsigned long now = millis();
  for (uint8_t i = 0; i < SCALE; i++) {
    bool r = digitalRead(BUTTON_PINS[i]) == LOW;  // pull-up: pressed reads LOW
    if (r != reading[i]) {
      reading[i] = r;
      since[i] = now;
    } else if (r != pressed[i] && now - since[i] >= DEBOUNCE_MS) {
      pressed[i] = r;
      if (r && state == ASKING) rate(i + 1);
    }
  }
}

void rate(uint8_t rating) {
  Serial.print("RATE ");
  Serial.print(rating);
  Serial.print('/');
  Serial.print(SCALE);
  Serial.print('\n');
  state = THANKING;  // one rating per ASK
  chosen = rating;
  thankedAt = millis();
  showState();
}

void showState() {
  for (uint8_t i = 0; i < SCALE; i++) {
    bool on = state == ASKING || (state == THANKING && i + 1 == chosen);
    digitalWrite(LED_PINS[i], on ? HIGH : LOW);
  }
}
