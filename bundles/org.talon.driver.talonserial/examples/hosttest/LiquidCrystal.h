// A stand-in for the LiquidCrystal library: keeps the 16x2 screen in memory.
#pragma once
#include "Arduino.h"
struct LiquidCrystal {
  char screen[2][17]; int row = 0, col = 0;
  LiquidCrystal(int, int, int, int, int, int) { memset(screen, ' ', sizeof screen); screen[0][16] = screen[1][16] = 0; }
  void begin(int, int) {}
  void setCursor(int c, int r) { col = c; row = r; }
  size_t write(char ch) { if (col < 16) screen[row][col++] = ch; return 1; }
};
