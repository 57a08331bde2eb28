import { describe, expect, it } from 'vitest';
import { checkPlace } from './place-check';
import { canThoGazetteer } from './reader-test-kit';

const gazetteer = canThoGazetteer();

describe('places checked against the administrative units they name', () => {
  it('snaps a tone slip in a district name when one unit of the province matches it', () => {
    const r = checkPlace('Số 195 đường Hoà Bình, Phường An Hoà, Quận Ninh Kiểu, Cần Thơ', gazetteer);
    expect(r.value).toBe('Số 195 đường Hoà Bình, Phường An Hoà, Quận Ninh Kiều, Cần Thơ');
    expect(r.corrected).toEqual(['Ninh Kiểu → Ninh Kiều']);
    expect(r.unknown).toBeUndefined();
  });

  it('snaps a commune with a slipped mark inside its district', () => {
    const r = checkPlace('Phường Xuân Khảnh, Quận Ninh Kiều, Cần Thơ', gazetteer);
    expect(r.value).toBe('Phường Xuân Khánh, Quận Ninh Kiều, Cần Thơ');
  });

  it('keeps a place naming a unit that matches none of its area, with a reason and without its text', () => {
    const r = checkPlace('Phường Tân Phong, Quận Ninh Kiều, Cần Thơ', gazetteer);
    expect(r.value).toBe('Phường Tân Phong, Quận Ninh Kiều, Cần Thơ');
    expect(r.unknown).toMatch(/phường named matches no unit/);
    expect(r.unknown).not.toMatch(/Tân Phong/);
  });

  it('leaves a correct place unchanged and unflagged, whatever the tone placement (Hoà / Hòa)', () => {
    const r = checkPlace('Phường Long Hòa, Quận Bình Thủy, Cần Thơ', gazetteer);
    expect(r.corrected).toEqual([]);
    expect(r.unknown).toBeUndefined();
  });

  it('reads unit words printed in lower case inside an authority name', () => {
    const r = checkPlace('Ủy ban nhân dân phường An Hoà, quận Ninh Kiểu, thành phố Cần Thơ', gazetteer);
    expect(r.value).toBe('Uỷ ban nhân dân phường An Hoà, quận Ninh Kiều, thành phố Cần Thơ');
  });

  it('without a gazetteer checks the province against the built-in list only', () => {
    expect(checkPlace('Phường An Hoà, Quận Ninh Kiểu, Cần Thơ').value).toBe('Phường An Hoà, Quận Ninh Kiểu, Cần Thơ');
    expect(checkPlace('Xã Tân Lập, Huyện Đan Phượng, Tỉnh Hà Tâv').unknown).toMatch(/province|tỉnh/);
    expect(checkPlace('Xã Tân Lập, Huyện Đan Phượng, Hà Tây').unknown).toMatch(/province/);
    expect(checkPlace('Xã Tân Lập, Huyện Đan Phượng, Hà Nội').unknown).toBeUndefined();
    expect(checkPlace('Phường Phạm Đình Hổ, Quận Hai Bà Trưng, Hà Nội, Việt Nam').unknown).toBeUndefined();
    expect(checkPlace('Phường 5, Quận 10, Cần Thợ').value).toBe('Phường 5, Quận 10, Cần Thơ');
    expect(checkPlace('Phường 5, Quận 10, TP. Hồ Chí Minh').value).toBe('Phường 5, Quận 10, TP. Hồ Chí Minh');
  });

  it('does not flag a place without unit words (a hospital and its province)', () => {
    expect(checkPlace('Trung tâm Y tế Đồng Nai', gazetteer).unknown).toBeUndefined();
    expect(checkPlace('Bệnh viện Đa khoa Cần Thơ', gazetteer).unknown).toBeUndefined();
  });

  it('keeps below the fill threshold an address with a house number and a province but no commune or district', () => {
    // A line of a table cell lost: `Số 238 đường …,` then the province, the ward and district gone.
    expect(checkPlace('238 đường Lê Thánh Tôn, Hồ Chí Minh').unknown).toMatch(/no commune or district/);
    expect(checkPlace('Số 5 ngõ 12, Hà Nội', gazetteer).unknown).toMatch(/no commune or district/);
    expect(checkPlace('238 đường Lê Thánh Tôn, Hồ Chí Minh').unknown).not.toMatch(/Thánh Tôn/);
    // A 2-level address after the 2025 reform names its commune; a place without a house number is not an address.
    expect(checkPlace('Số 12 Trần Phú, Phường Hải Châu, Đà Nẵng').unknown).toBeUndefined();
    expect(checkPlace('Thôn 3, Xã Tân Lập, Huyện Đan Phượng, Hà Nội').unknown).toBeUndefined();
    expect(checkPlace('Trung tâm Y tế Quận 1, Hồ Chí Minh').unknown).toBeUndefined();
  });
});
