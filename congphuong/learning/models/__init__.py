from .access import WardAssignment, WardFileCollection
from .audit import ExportLog
from .criteria import CriteriaSet, Criterion, Indicator, RecognitionLevel, Target
from .cycle import Evidence, RecognitionDecision, Registration, RegistrationEvent, Score
from .fund import Award, Donor, FundExpense, FundOpening, FundReceipt
from .fund_lock import FundClosing
from .pages import LearningSocietyPage
from .privacy import NameConsent, RetentionRule
from .recognition import RecognisingBody
from .registry import Citizen, Clan, Household, HouseholdMember, HouseholdTombstone, LearningQuarter, Unit

__all__ = [
    "Award",
    "Citizen",
    "Clan",
    "CriteriaSet",
    "Criterion",
    "Donor",
    "Evidence",
    "ExportLog",
    "FundExpense",
    "FundOpening",
    "FundClosing",
    "FundReceipt",
    "Household",
    "HouseholdMember",
    "HouseholdTombstone",
    "Indicator",
    "LearningQuarter",
    "LearningSocietyPage",
    "NameConsent",
    "RecognitionDecision",
    "RecognisingBody",
    "RecognitionLevel",
    "Registration",
    "RetentionRule",
    "RegistrationEvent",
    "Score",
    "Target",
    "Unit",
    "WardAssignment",
    "WardFileCollection",
]
