import { MAX_FILE_NAME_LENGTH, sanitizeFileName } from './file-name';

describe('sanitizeFileName', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system32\\cmd.exe', 'cmd.exe'],
    ['/absolute/path/photo.png', 'photo.png'],
    ['.htaccess', 'htaccess'],
    ['...hidden.txt', 'hidden.txt'],
    ['name\u0000with\u001fcontrols\u007f.txt', 'namewithcontrols.txt'],
    ['evil\u202egnp.exe', 'evilgnp.exe'],
    ['a<b>c:d"e|f?g*h.txt', 'a_b_c_d_e_f_g_h.txt'],
    ['  spaced   out  .txt  ', 'spaced out .txt'],
    ['trailing dots...', 'trailing dots'],
    ['..', 'attachment'],
    ['', 'attachment'],
    ['../', 'attachment'],
    ['Étude — notes.txt', 'Étude — notes.txt'],
  ])('%j becomes %j', (raw, safe) => {
    expect(sanitizeFileName(raw)).toBe(safe);
  });

  it('caps the length and keeps the extension', () => {
    const name = sanitizeFileName(`${'a'.repeat(500)}.pdf`);
    expect(name).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('never splits a surrogate pair when it shortens', () => {
    const name = sanitizeFileName(`${'😀'.repeat(200)}.txt`);
    expect(name.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    expect(name).toMatch(/^(😀)+\.txt$/u);
  });
});
