/*
  Talon serial keypad: an operator's keypad with four keys and a 16x2 LCD.

  Speaks the Talon serial protocol (bundles/org.talon.driver.talonserial/README.md):
  115200 baud 8N1, ASCII lines ended by LF, at most 64 characters.

    device -> Talon   HELLO keypad <firmware>   on boot
                      KEY CALL | KEY SERVE | KEY FINISH | KEY NO_SHOW   on a key press
                      PONG                      the answer to PING, at once
                      OK / ERR <text>           after each command (Talon does not wait for them)
    Talon -> device   PING
                      SHOW <line1>|<line2>      each line at most 16 characters, ASCII
                      LED on | LED off | LED blink

  Board: Arduino Uno (or Nano, Mega, Leonardo; an ESP32 or RP2040 with the pins changed).
  Circuit, as the LiquidCrystal "Hello World" example wires the LCD:
    LCD RS -> D12, LCD E -> D11, LCD D4 -> D5, D5 -> D4, D6 -> D3, D7 -> D2,
    LCD R/W -> GND, VSS -> GND, VDD -> 5V, V0 -> wiper of a 10k potentiometer (5V/GND),
    backlight A -> 5V through 220 ohm, K -> GND.
    Keys (push buttons to GND, internal pull-ups): CALL -> D6, SERVE -> D7, FINISH -> D8,
    NO_SHOW -> D9.
    LED: the board's LED_BUILTIN (D13 on an Uno), or an LED with 220 ohm from D13 to GND.

  The loop never blocks (no delay(), no Serial.readString()), so PING is answered well within
  Talon's second.

  This example code is in the public domain.
*/
#include <LiquidCrystal.h>

const char FIRMWARE[] = "kp-example-1.0";
const long BAUD = 115200;
const uint8_t MAX_LINE = 64;           // characters before the LF, as in the protocol
const uint8_t WIDTH = 16;              // characters per LCD line
const unsigned long DEBOUNCE_MS = 30;  // a key must be steady this long
const unsigned long BLINK_MS = 500;

LiquidCrystal lcd(12, 11, 5, 4, 3, 2);  // RS, E, D4, D5, D6, D7
const uint8_t LED_PIN = LED_BUILTIN;

struct Button {
  uint8_t pin;
  const char *name;      // a KeypadKey name of Talon
  bool reading;          // the pin's last reading (true: pressed)
  bool pressed;          // the debounced state
  unsigned long since;   // when the reading last changed
};

Button keys[] = {
  {6, "CALL", false, false, 0},
  {7, "SERVE", false, false, 0},
  {8, "FINISH", false, false, 0},
  {9, "NO_SHOW", false, false, 0},
};
const uint8_t KEY_COUNT = sizeof(keys) / sizeof(keys[0]);

enum LedMode { LED_MODE_OFF, LED_MODE_ON, LED_MODE_BLINK };
LedMode ledMode = LED_MODE_OFF;

char line[MAX_LINE + 2];  // + a CR before the LF, + the terminating NUL
uint8_t lineLength = 0;
bool lineTooLong = false;

// prototypes, so that the sketch builds outside the Arduino IDE too (PlatformIO, arduino-cli)
void readSerial();
void handle(char *cmd);
void printLine(uint8_t row, const char *text);
void send(const char *text);
void readKeys();
void updateLed();

void setup() {
  for (uint8_t i = 0; i < KEY_COUNT; i++) pinMode(keys[i].pin, INPUT_PULLUP);
  pinMode(LED_PIN, OUTPUT);
  digitalWrite(LED_PIN, LOW);

  lcd.begin(WIDTH, 2);
  printLine(0, "Talon keypad");
  printLine(1, "waiting...");

  Serial.begin(BAUD);  // 8 data bits, no parity, 1 stop bit: the default
  while (!Serial) {
    // boards with native USB (Leonardo, RP2040): wait until the host opens the port
  }
  Serial.print("HELLO keypad ");
  Serial.print(FIRMWARE);
  Serial.print('\n');
}

void loop() {
  readSerial();
  readKeys();
  updateLed();
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
  } else if (strncmp(cmd, "SHOW ", 5) == 0) {
    char *text = cmd + 5;
    char *bar = strchr(text, '|');
    if (bar == NULL) {
      send("ERR SHOW takes line1|line2");
      return;
    }
    *bar = '\0';
    printLine(0, text);
    printLine(1, bar + 1);
    send("OK");
  } else if (strcmp(cmd, "LED on") == 0) {
    ledMode = LED_MODE_ON;
    send("OK");
  } else if (strcmp(cmd, "LED off") == 0) {
    ledMode = LED_MODE_OFF;
    send("OK");
  } else if (strcmp(cmd, "LED blink") == 0) {
    ledMode = LED_MODE_BLINK;
    send("OK");
  } else {
    send("ERR unknown command");  // ASK, IDLE or a later version's command: not a keypad's
  }
}

// Writes one LCD line, padded with spaces so that nothing of the last text stays.
void printLine(uint8_t row, const char *text) {
  lcd.setCursor(0, row);
  uint8_t n = 0;
  for (; n < WIDTH && text[n] != '\0'; n++) lcd.write(text[n]);
  for (; n < WIDTH; n++) lcd.write(' ');
}

// ---- to Talon -----------------------------------------------------------------------------

void send(const char *text) {
  Serial.print(text);
  Serial.print('\n');
}

void readKeys() {
  unsigned long now = millis();
  for (uint8_t i = 0; i < KEY_COUNT; i++) {
    Button &k = keys[i];
    bool reading = digitalRead(k.pin) == LOW;  // pull-up: pressed reads LOW
    if (reading != k.reading) {
      k.reading = reading;
      k.since = now;
    } else if (reading != k.pressed && now - k.since >= DEBOUNCE_MS) {
      k.pressed = reading;
      if (k.pressed) {
        Serial.print("KEY ");
        Serial.print(k.name);
        Serial.print('\n');
      }
    }
  }
}

void updateLed() {
  bool on = ledMode == LED_MODE_ON || (ledMode == LED_MODE_BLINK && (millis() / BLINK_MS) % 2 == 0);
  digitalWrite(LED_PIN, on ? HIGH : LOW);
}
