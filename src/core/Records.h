#pragma once
// The records of the register as plain values. Enumerations are kept as their short codes
// (the codes of spec/import.md, e.g. "co_so", "HTTNV"); Enums.h lists them with their labels.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Date.h"

namespace dangbo::core {

using Id = int64_t;

/// The committee that owns the register and the names printed in document headers.
struct CommitteeInfo {
  std::string name;       ///< "Đảng bộ xã Phiêng Pằn"
  std::string place;      ///< "Phiêng Pằn" (the place in "Phiêng Pằn, ngày ...")
  std::string province;   ///< "Sơn La"
  std::string superior;   ///< "ĐẢNG BỘ TỈNH SƠN LA" (the first header line)
  std::string executive;  ///< "ĐẢNG ỦY XÃ PHIÊNG PẰN" (the second header line)
  // The closing block of every document (spec/congress-report.md version 2).
  std::string signerOnBehalf = "T/M BAN CHẤP HÀNH";  ///< "T/M BAN CHẤP HÀNH" or "T/M ĐẢNG ỦY"
  std::string signerTitle = "BÍ THƯ";                ///< the signer's title: "BÍ THƯ", "PHÓ BÍ THƯ"
  std::string signerName{};  ///< "Hà Xuân Liêm"; empty: the line is left to fill in
  std::string recipients{};  ///< "Nơi nhận:" lines, one per line ("- Lưu Hồ sơ Đại hội.")
};

/// A party organization (cell).
struct Organization {
  Id id = 0;
  std::string code;      ///< "CB01"
  std::string name;      ///< "Chi bộ bản Nà Ớt"
  std::string kind;      ///< co_so | truc_thuoc
  std::string category;  ///< ban | truong | co_quan_dang | chinh_quyen | quan_su | cong_an | y_te | khac
  std::optional<Date> founded;
  std::optional<Date> ceased;  ///< merged or dissolved on this day
  std::optional<Id> mergedInto;
  bool hasCommittee = false;  ///< a cell committee (chi ủy) exists now
  std::optional<Date> committeeSince;
  /// The organization it belongs to (a partial party committee for a cell, a cell for a party group);
  /// none: directly under the commune committee.
  std::optional<Id> parent;
  /// The former commune (or other origin unit) the cell came from, by name; empty: none recorded.
  std::string origin{};
};

/// A party member with the current state; the dated history is in MemberEvent rows.
struct Member {
  Id id = 0;
  std::string code;
  std::string fullName;
  std::string birthName;
  std::string gender;  ///< nam | nu
  std::optional<PartialDate> birthDate;
  std::string birthPlace;
  std::string hometown;
  std::string residence;
  std::string ethnicity;  ///< ethnic group code ("03" = Thái)
  std::string religion;   ///< name, "Không" for none
  std::string cccd;       ///< 12 digits or empty
  std::string phone;
  std::string education;           ///< "12/12"
  std::string qualification;       ///< khong | so_cap | trung_cap | cao_dang | dai_hoc | thac_si | tien_si
  std::string theory;              ///< chua | so_cap | trung_cap | cao_cap | cu_nhan
  std::string occupation;          ///< occupation and position
  std::optional<Date> admittedOn;  ///< date of the admission decision
  std::optional<Date> ceremonyOn;
  std::optional<Date> officialOn;
  std::string cardNo;
  std::string fileNo;
  std::optional<Date> transferredInOn;  ///< joined this committee by transfer
  std::string transferredInFrom;
  Id cellId = 0;
  std::string status =
      "active";  ///< active | exempt | transferred_out | deceased | removed | expelled | left
  std::optional<Date> statusSince;
  std::optional<Id> candidateId;
};

/// One dated change in a member's history.
struct MemberEvent {
  Id id = 0;
  Id memberId = 0;
  Date date;
  std::string kind;  ///< admitted | recognized | transfer_in | transfer_out | temp_out | temp_back | moved |
                     ///< exempted | exemption_ended | deceased | removed | expelled | left
  std::optional<Id> fromCell;
  std::optional<Id> toCell;
  std::string place;  ///< where from / where to, outside the committee
  std::string decisionNo;
  std::string reason;              ///< for removals: the ground code
  std::optional<Date> receivedOn;  ///< for transfer_out: the day the receiving committee confirmed it
};

/// A candidate (quần chúng ưu tú) and the admission file, stage by stage.
struct Candidate {
  Id id = 0;
  std::string code;
  std::string fullName;
  std::optional<PartialDate> birthDate;
  std::string gender;
  std::string ethnicity;
  std::string religion;
  std::string residence;
  std::string occupation;
  std::string education;
  Id cellId = 0;
  std::optional<Date> listedOn;
  std::string certificateNo;
  std::optional<Date> certificateOn;
  std::optional<Date> applicationOn;
  std::optional<Date> historyOn;  ///< personal history (lý lịch) completed
  std::optional<Date> backgroundCheckOn;
  std::string backgroundCheckResult;
  std::optional<Id> sponsor1;
  std::optional<Date> sponsor1Since;
  std::optional<Id> sponsor2;
  std::optional<Date> sponsor2Since;
  std::string youthUnionResolution;  ///< replaces one sponsor when set
  std::optional<Date> massOrgCommentOn;
  std::optional<Date> cellVoteOn;
  std::optional<int> cellVoteOfficial;  ///< official members of the cell on the vote date
  std::optional<int> cellVoteInFavour;
  std::optional<Date> committeeResolutionOn;
  std::string committeeResolutionNo;
  std::optional<Date> decisionOn;
  std::string decisionNo;
  std::string decisionBody;
  std::optional<Date> ceremonyOn;
  std::string status = "in_progress";  ///< in_progress | admitted | withdrawn | rejected
  std::string outcomeReason;
  std::optional<Id> memberId;
  std::string cccd;                      ///< citizen id (12 digits) or empty
  bool needsProvincialApproval = false;  ///< over admission.max_age at the cell's vote
  std::string provincialApprovalNo;      ///< the province's approval document
};

/// An annual quality rating of a cell or a member.
struct Rating {
  Id id = 0;
  int year = 0;
  std::string subjectType;  ///< to_chuc | dang_vien
  Id subjectId = 0;
  std::optional<Id> cellId;   ///< for members: the cell rating them
  std::string selfLevel;      ///< member's self-assessment, may be empty
  std::string proposedLevel;  ///< the cell's proposal, may be empty
  std::string level;          ///< HTXSNV | HTTNV | HTNV | KHTNV
  std::optional<int> score;
  std::string exceptionReason;
};

/// An inspection or supervision case.
struct Inspection {
  Id id = 0;
  std::string number;
  Date date;
  std::string subjectType;  ///< to_chuc | dang_vien
  Id subjectId = 0;
  std::string kind;  ///< thuong_xuyen | dau_hieu_vi_pham | thi_hanh_ky_luat | tai_chinh | to_cao |
                     ///< giai_quyet_khieu_nai | giam_sat
  std::string team;
  std::string findings;
  std::string conclusion;
  std::string followUp;
};

/// A disciplinary decision.
struct Discipline {
  Id id = 0;
  std::string number;
  Date date;
  std::string subjectType;  ///< to_chuc | dang_vien
  Id subjectId = 0;
  std::string form;  ///< khien_trach | canh_cao | cach_chuc | khai_tru | giai_tan
  std::string body;  ///< the deciding body
  std::string violation;
  std::optional<Date> violationOn;
  std::optional<Date> announcedOn;
};

/// A removal (xóa tên): not a form of discipline.
struct Removal {
  Id id = 0;
  Id memberId = 0;
  std::string ground;  ///< removal ground code
  std::optional<Date> proposedOn;
  std::string decisionNo;
  Date decisionOn;
};

/// A term of the commune committee (e.g. 2025-2030).
struct Term {
  Id id = 0;
  std::string name;  ///< "2025-2030"
  int fromYear = 0;
  int toYear = 0;
};

/// A seat in the committee of a term.
struct CommitteeSeat {
  Id termId = 0;
  Id memberId = 0;
  std::string position;  ///< bi_thu | pho_bi_thu | uv_btv | uv_bch
};

/// A target of a term (spec/import.md chi_tieu).
struct Target {
  std::string key;  ///< ket_nap_nhiem_ky | ket_nap_nam | to_chuc_tot | dang_vien_tot | chi_bo_ban_co_chi_uy
  int fromYear = 0;
  int toYear = 0;
  double value = 0;
  std::string origin{};  ///< the former commune whose congress resolution set it; empty: the committee's own
};

/// A training course attended by a cell secretary (or another member).
struct Training {
  Id id = 0;
  Id memberId = 0;
  int year = 0;
  std::optional<Date> date;
  std::string course;
};

/// A cell's leadership over time: secretary, deputy, committee member.
struct CellLeader {
  Id orgId = 0;
  Id memberId = 0;
  std::string role;  ///< bi_thu | pho_bi_thu | chi_uy_vien
  Date from;
  std::optional<Date> to;
};

}  // namespace dangbo::core
