// Announcements on the hall display: "Ticket A 42 to window 3", composed from per-language clips
// (/ui/clips/<lang>/<name>.ogg, made by bundles/org.talon.ui/clips/generate, replaceable by
// recordings of the same names) and played in order after a chime; or the browser's speech.

export const CLIP_LANGS = ['en', 'ru', 'pl'];

/** The clip names for a number from 0 to 999: hundreds, tens, units, with 0-19 as one word. */
export function numberClips(n) {
  if (!Number.isInteger(n) || n < 0) return [];
  if (n > 999) return String(n).split('').map(d => d); // digit by digit
  if (n === 0) return ['0'];
  const out = [];
  const h = Math.floor(n / 100) * 100;
  const r = n % 100;
  if (h > 0) out.push(String(h));
  if (r > 0 && r < 20) out.push(String(r));
  if (r >= 20) {
    out.push(String(Math.floor(r / 10) * 10));
    if (r % 10) out.push(String(r % 10));
  }
  return out;
}

/**
 * The clips for calling ticket {@code number} to a counter: the chime, "ticket", its letters one
 * by one, its number as a numeral, "window" and the counter's number (the number at the end of
 * its name, else its id); a counter without a number has a clip of its own, "counter-<id>".
 */
export function compose(number, counterName, counterId, lang) {
  const l = CLIP_LANGS.includes(lang) ? lang : 'en';
  const m = /^([A-Za-z]*)0*(\d+)$/.exec(String(number).trim());
  const clips = ['chime', 'ticket'];
  if (m) {
    for (const c of m[1].toLowerCase()) clips.push('letter-' + c);
    clips.push(...numberClips(Number(m[2])));
  } else {
    for (const c of String(number).toLowerCase()) {
      if (/[a-z]/.test(c)) clips.push('letter-' + c);
      else if (/[0-9]/.test(c)) clips.push(c);
    }
  }
  const place = /(\d+)\s*$/.exec(String(counterName ?? '')) ?? /^(\d+)$/.exec(String(counterId ?? ''));
  if (place) clips.push('window', ...numberClips(Number(place[1])));
  else clips.push('counter-' + counterId);
  return clips.map(c => (c === 'chime' ? '/ui/clips/chime.ogg' : `/ui/clips/${l}/${c}.ogg`));
}

/** Plays announcements one after another, never two at once; {@code mode}: clips, speech or off. */
export class Announcer {
  constructor(mode, lang) {
    this.mode = mode;
    this.lang = lang;
    this.waiting = [];
    this.playing = false;
    this.played = []; // what was announced, for whoever watches the display (and its tests)
  }

  /** Queues a call; after a long drop only the newest few are said, not a backlog of old calls. */
  announce(number, counterName, counterId) {
    if (this.mode === 'off') return;
    this.waiting.push({ number, counterName, counterId });
    if (this.waiting.length > Announcer.MAX_WAITING) this.waiting.splice(0, this.waiting.length - Announcer.MAX_WAITING);
    if (!this.playing) this.next();
  }

  async next() {
    this.playing = true;
    while (this.waiting.length) {
      const c = this.waiting.shift();
      try {
        if (this.mode === 'speech') await this.speak(c.number, c.counterName);
        else await this.playClips(compose(c.number, c.counterName, c.counterId, this.lang));
      } catch (e) {
        console.warn('announcement not played', e);
      }
    }
    this.playing = false;
  }

  async playClips(urls) {
    for (const url of urls) {
      const audio = new Audio(url);
      await new Promise((resolve, reject) => {
        audio.addEventListener('ended', resolve, { once: true });
        audio.addEventListener('error', () => reject(new Error('clip ' + url)), { once: true });
        audio.play().catch(reject);
      });
    }
    this.played.push(urls);
  }

  speak(number, counterName) {
    return new Promise(resolve => {
      const u = new SpeechSynthesisUtterance(`${number.split('').join(' ')}, ${counterName}`);
      u.lang = this.lang;
      u.addEventListener('end', resolve);
      u.addEventListener('error', resolve);
      speechSynthesis.speak(u);
      this.played.push([`speech:${number}:${counterName}`]);
    });
  }
}

Announcer.MAX_WAITING = 3;
