#!/usr/bin/env python3
"""Writes a province-sized import folder (to_chuc.csv, dang_vien.csv) for the GUI flow of a long import:
   make_province.py FOLDER MEMBERS CELLS
Codes TC.... and TV...... do not meet the demo register's, so every row is new."""
import os
import sys

folder, members, cells = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(folder, exist_ok=True)
surnames = ["Lò", "Cầm", "Quàng", "Lường", "Tòng", "Hoàng", "Vì", "Điêu", "Nguyễn", "Trần", "Mùa", "Giàng", "Sùng"]
given = ["Ơn", "Pằn", "Xuân", "Hà", "Thắm", "Khoa", "Lệ", "Chiến", "Nhung", "Toàn", "Hường", "Dìn", "Súa"]
with open(os.path.join(folder, "to_chuc.csv"), "w", encoding="utf-8") as f:
    f.write("Mã,Tên,Loại,Khối,Ngày thành lập,Ngày giải thể,Sáp nhập vào,Có chi ủy\n")
    for c in range(1, cells + 1):
        f.write(f"TC{c:04d},Chi bộ tỉnh {c},Chi bộ trực thuộc,Bản,15/05/1985,,,Không\n")
with open(os.path.join(folder, "dang_vien.csv"), "w", encoding="utf-8") as f:
    f.write("Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Nơi ở hiện nay,Số CCCD,Học vấn,"
            "Chuyên môn,Lý luận chính trị,\"Nghề nghiệp, chức vụ\",Mã chi bộ,Ngày vào Đảng,Ngày chính thức,"
            "Số thẻ,Số lý lịch,Ngày chuyển đến,Tình trạng,Ngày thay đổi tình trạng\n")
    for i in range(members):
        woman = i % 3 == 0
        name = f"{surnames[i % 13]} {'Thị' if woman else 'Văn'} {given[(i // 13) % 13]} {i}"
        # Admitted at 18 to 25 (the age rule of the register), never after 2024.
        joined = 1950 + i % 50 + 18 + i % 8
        f.write(f"TV{i:06d},{name},{1 + i % 28:02d}/{1 + i % 12:02d}/{1950 + i % 50},{'Nữ' if woman else 'Nam'},"
                f"Thái,Không,Sơn La,Bản {i % 500},{200000000000 + i:012d},12/12,,,Nông dân,"
                f"TC{1 + i % cells:04d},{1 + i % 28:02d}/03/{joined},{1 + i % 28:02d}/03/{joined + 1},"
                f",,,Đang sinh hoạt,\n")
