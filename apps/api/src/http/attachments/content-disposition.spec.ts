import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it('gives an ASCII name as is', () => {
    expect(attachmentDisposition('report.pdf')).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
  });

  it('encodes a UTF-8 name and replaces it in the fallback', () => {
    expect(attachmentDisposition('Étude (1).txt')).toBe(`attachment; filename="_tude (1).txt"; filename*=UTF-8''%C3%89tude%20%281%29.txt`);
  });

  it('keeps quotes, backslashes and semicolons out of the header', () => {
    const header = attachmentDisposition('a";b\\c\'d.txt');
    expect(header).toBe(`attachment; filename="a__b_c'd.txt"; filename*=UTF-8''a%22%3Bb%5Cc%27d.txt`);
  });
});
