package org.opencollab.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The Camunda groups of docs/operators.md: one per department, one per role. */
public final class Groups {

  public static final String COORDINATORS = "coordinators";
  public static final String COMMITTEE = "committee";

  /**
   * The committee's chair (also a member of {@code committee}): rules when no option holds a
   * majority.
   */
  public static final String COMMITTEE_CHAIR = "committee-chair";

  public static final String AUDITORS = "auditors";
  public static final String PROCESS_OWNERS = "process-owners";

  /** Camunda's own administrators' group: members bypass authorization checks. */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /**
   * Who oversees collaboration and reads all of it: every opportunity's story, the ledger and the
   * health reports.
   */
  public static final Set<String> OVERSIGHT =
      Set.of(AUDITORS, COORDINATORS, COMMITTEE, COMMITTEE_CHAIR, PROCESS_OWNERS, CAMUNDA_ADMIN);

  /**
   * Who reads the committee's individual votes once a dispute is ruled, and the peer ratings once a
   * statement is approved (docs/operators.md, "Secret ballots and sealed ratings"): oversight
   * without the coordinators, who follow up everyone's work but judge nobody.
   */
  public static final Set<String> CONFIDENTIAL_READERS =
      Set.of(AUDITORS, COMMITTEE, COMMITTEE_CHAIR, PROCESS_OWNERS, CAMUNDA_ADMIN);

  static final String TYPE_WORKFLOW = "WORKFLOW";
  static final String TYPE_SYSTEM = "SYSTEM";

  /**
   * @param name shown in Tasklist and Admin, in English and Chinese
   */
  public record GroupSpec(String id, String name, String type) {}

  private Groups() {}

  public static List<GroupSpec> all() {
    List<GroupSpec> groups = new ArrayList<>();
    groups.add(new GroupSpec(Department.SALES.groupId(), "Sales / 销售部", TYPE_WORKFLOW));
    groups.add(new GroupSpec(Department.TECH.groupId(), "Technical / 技术部", TYPE_WORKFLOW));
    groups.add(new GroupSpec(Department.MARKETING.groupId(), "Marketing / 市场部", TYPE_WORKFLOW));
    groups.add(new GroupSpec(Department.DELIVERY.groupId(), "Delivery / 交付部", TYPE_WORKFLOW));
    groups.add(new GroupSpec(Department.OPERATIONS.groupId(), "Operations / 运营部", TYPE_WORKFLOW));
    groups.add(new GroupSpec(COORDINATORS, "Collaboration coordinators / 协作协调员", TYPE_WORKFLOW));
    groups.add(new GroupSpec(COMMITTEE, "Executive committee / 协作会", TYPE_WORKFLOW));
    groups.add(new GroupSpec(COMMITTEE_CHAIR, "Committee chair / 协作会主席", TYPE_WORKFLOW));
    groups.add(new GroupSpec(AUDITORS, "Auditors / 审计", TYPE_WORKFLOW));
    groups.add(new GroupSpec(PROCESS_OWNERS, "Process owners / 流程负责人", TYPE_WORKFLOW));
    groups.add(new GroupSpec(CAMUNDA_ADMIN, "Camunda administrators / 系统管理员", TYPE_SYSTEM));
    return List.copyOf(groups);
  }

  public static List<String> departmentGroupIds() {
    return Arrays.stream(Department.values()).map(Department::groupId).toList();
  }
}
