/** The menu item most messages send people to: the menu and every such message share its caption. */
export const SETUP_CAPTION = 'Khởi tạo / cập nhật bảng tính';
