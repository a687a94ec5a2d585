/** The menu item most messages send people to: the menu and every such message share its caption. */
export const SETUP_CAPTION = 'Khởi tạo / cập nhật bảng tính';

/** The menu's name (in an Editor add-on it sits under Tiện ích mở rộng). */
export const MENU_NAME = 'Tổ CNSCĐ';

export const SELF_CHECK_CAPTION = 'Tự kiểm tra cài đặt';
